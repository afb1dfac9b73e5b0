import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Karvan

// Phone: one page at a time, a bottom bar for the four daily pages and a drawer for the rest.
Page {
    id: shell
    property string page: "today"
    signal navigate(string name)

    readonly property var titles: ({
        "today": qsTr("Today"), "customers": qsTr("Customers"), "customer": qsTr("Customer"),
        "catalog": qsTr("Catalog"), "order": qsTr("Order"), "tickets": qsTr("Tickets"),
        "activities": qsTr("Activities"), "sync": qsTr("Sync"), "settings": qsTr("Settings")
    })
    readonly property var tabs: ["today", "customers", "catalog", "order"]

    header: ToolBar {
        background: Rectangle { color: Theme.primary }
        RowLayout {
            anchors.fill: parent
            spacing: 0
            ToolButton {
                text: "☰"
                font.pixelSize: 22
                palette.buttonText: "white"
                onClicked: drawer.open()
                Accessible.name: qsTr("Menu")
            }
            Label {
                text: shell.titles[shell.page] || ""
                font.pixelSize: 19
                font.bold: true
                color: "white"
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label {
                visible: Session.pendingCount > 0
                text: qsTr("%1 to sync").arg(Formatter.number(Session.pendingCount))
                color: "white"
                font.pixelSize: 13
                Layout.rightMargin: 12
                Layout.leftMargin: 12
            }
        }
    }

    footer: TabBar {
        currentIndex: shell.tabs.indexOf(shell.page)
        Repeater {
            model: shell.tabs
            TabButton {
                required property string modelData
                text: shell.titles[modelData]
                font.pixelSize: 13
                onClicked: shell.navigate(modelData)
            }
        }
    }

    Drawer {
        id: drawer
        width: Math.min(shell.width * 0.8, 320)
        height: shell.height
        edge: shell.LayoutMirroring.enabled ? Qt.RightEdge : Qt.LeftEdge
        ListView {
            anchors.fill: parent
            model: ["today", "customers", "catalog", "order", "tickets", "activities", "sync", "settings"]
            delegate: ItemDelegate {
                required property string modelData
                width: ListView.view.width
                height: Theme.touch + 4
                text: shell.titles[modelData]
                highlighted: modelData === shell.page
                onClicked: {
                    drawer.close()
                    shell.navigate(modelData)
                }
            }
        }
    }

    PageHost {
        anchors.fill: parent
        page: shell.page
        onNavigate: (name) => shell.navigate(name)
    }
}
