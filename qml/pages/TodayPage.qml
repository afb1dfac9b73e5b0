import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Karvan

// Today: sync state, alerts from HQ's figures, the latest visits.
Flickable {
    id: page
    signal navigate(string name)
    contentHeight: column.implicitHeight + 2 * Theme.spacing
    clip: true
    ScrollBar.vertical: ScrollBar { }

    function openCustomer(id) {
        if (id.length === 0)
            return
        Session.openCustomer(id)
        page.navigate("customer")
    }

    ColumnLayout {
        id: column
        x: Theme.spacing
        y: Theme.spacing
        width: page.width - 2 * Theme.spacing
        spacing: Theme.spacing

        Label {
            horizontalAlignment: Text.AlignLeft
            text: Session.todayText
            font.pixelSize: 22
            font.bold: true
            Layout.fillWidth: true
        }

        SectionCard {
            title: qsTr("Sync")
            KeyValue {
                label: qsTr("Waiting to sync")
                value: Formatter.number(Session.pendingCount)
            }
            KeyValue {
                label: qsTr("Rejected")
                value: Formatter.number(Session.rejectedCount)
                valueColor: Session.rejectedCount > 0 ? Theme.hold : Theme.text
            }
            KeyValue {
                label: qsTr("Last sync")
                value: Session.lastSync
            }
            Text {
                visible: text.length > 0
                text: Session.syncing ? qsTr("Syncing…")
                      : Session.syncError.length > 0 ? Session.syncError : Session.autoSyncText
                color: Session.syncError.length > 0 && !Session.syncing ? Theme.hold : Theme.muted
                font.pixelSize: 13
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignLeft
                Layout.fillWidth: true
            }
        }

        SectionCard {
            title: qsTr("Alerts")
            EmptyHint {
                visible: Session.alerts.count === 0
                text: qsTr("No alerts")
            }
            Repeater {
                model: Session.alerts
                delegate: ItemDelegate {
                    id: alertRow
                    required property string kind
                    required property string title
                    required property string detail
                    required property string customerId
                    Layout.fillWidth: true
                    Layout.preferredHeight: Math.max(Theme.touch, alertColumn.implicitHeight + 12)
                    onClicked: page.openCustomer(customerId)
                    contentItem: RowLayout {
                        spacing: Theme.spacing
                        Rectangle {
                            Layout.preferredWidth: 6
                            Layout.fillHeight: true
                            radius: 3
                            color: alertRow.kind === "credit_hold" ? Theme.hold
                                 : alertRow.kind === "low_stock" ? Theme.muted : Theme.warn
                        }
                        ColumnLayout {
                            id: alertColumn
                            spacing: 2
                            Layout.fillWidth: true
                            Label {
                                horizontalAlignment: Text.AlignLeft
                                text: alertRow.title
                                font.bold: true
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                            }
                            Label {
                                horizontalAlignment: Text.AlignLeft
                                text: alertRow.detail
                                color: Theme.muted
                                font.pixelSize: 13
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                        }
                    }
                }
            }
        }

        SectionCard {
            title: qsTr("Visits")
            EmptyHint {
                visible: Session.visits.count === 0
                text: qsTr("No visits planned")
            }
            Repeater {
                model: Session.visits
                delegate: ItemDelegate {
                    id: visitRow
                    required property string customerId
                    required property string customerName
                    required property string subject
                    required property string when
                    Layout.fillWidth: true
                    Layout.preferredHeight: Math.max(Theme.touch, visitColumn.implicitHeight + 12)
                    onClicked: page.openCustomer(customerId)
                    contentItem: ColumnLayout {
                        id: visitColumn
                        spacing: 2
                        Label {
                            horizontalAlignment: Text.AlignLeft
                            text: visitRow.customerName
                            font.bold: true
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                        Label {
                            horizontalAlignment: Text.AlignLeft
                            text: visitRow.when + " · " + visitRow.subject
                            color: Theme.muted
                            font.pixelSize: 13
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                    }
                }
            }
        }
    }
}
