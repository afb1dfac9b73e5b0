import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Karvan

// Tablet: navigation rail on the start side; customers open as list + 360 side by side.
Item {
    id: shell
    property string page: "today"
    signal navigate(string name)

    readonly property var titles: ({
        "today": qsTr("Today"), "customers": qsTr("Customers"), "customer": qsTr("Customer"),
        "catalog": qsTr("Catalog"), "order": qsTr("Order"), "tickets": qsTr("Tickets"),
        "activities": qsTr("Activities"), "sync": qsTr("Sync"), "settings": qsTr("Settings")
    })
    readonly property bool splitCustomers: page === "customers" || page === "customer"

    RowLayout {
        anchors.fill: parent
        spacing: 0

        Rectangle {
            Layout.fillHeight: true
            Layout.preferredWidth: 210
            color: Theme.primary
            ColumnLayout {
                anchors.fill: parent
                anchors.topMargin: 16
                spacing: 2
                Label {
                    text: qsTr("Karvan")
                    color: "white"
                    font.pixelSize: 24
                    font.bold: true
                    Layout.leftMargin: 20
                    Layout.bottomMargin: 12
                }
                Repeater {
                    model: ["today", "customers", "catalog", "order", "tickets", "activities", "sync", "settings"]
                    delegate: ItemDelegate {
                        required property string modelData
                        Layout.fillWidth: true
                        Layout.preferredHeight: Theme.touch + 4
                        highlighted: modelData === shell.page
                            || (modelData === "customers" && shell.page === "customer")
                        // The style's highlight is light: on the dark rail it hid the white label.
                        background: Rectangle {
                            color: parent.highlighted ? Qt.darker(Theme.primary, 1.5)
                                                      : parent.down ? Qt.darker(Theme.primary, 1.2)
                                                                    : "transparent"
                        }
                        contentItem: Label {
                            text: shell.titles[modelData]
                            color: "white"
                            font.pixelSize: 16
                            font.bold: parent.highlighted
                            leftPadding: 8
                            elide: Text.ElideRight
                        }
                        onClicked: shell.navigate(modelData)
                    }
                }
                Item { Layout.fillHeight: true }
                Label {
                    text: Session.pendingCount > 0
                          ? qsTr("%1 to sync").arg(Formatter.number(Session.pendingCount))
                          : qsTr("All synced")
                    color: "white"
                    font.pixelSize: 13
                    Layout.leftMargin: 20
                    Layout.bottomMargin: 16
                }
            }
        }

        PageHost {
            visible: shell.splitCustomers
            Layout.fillHeight: true
            Layout.preferredWidth: 400
            page: "customers"
            onNavigate: (name) => shell.navigate(name)
        }
        Rectangle {
            visible: shell.splitCustomers
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            color: Theme.divider
        }
        PageHost {
            Layout.fillWidth: true
            Layout.fillHeight: true
            page: shell.splitCustomers ? "customer" : shell.page
            onNavigate: (name) => shell.navigate(name)
        }
    }
}
