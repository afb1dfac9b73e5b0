import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Karvan

// Customers: search as you type over the whole local store; a virtualized list.
Page {
    id: page
    signal navigate(string name)
    property alias searchText: search.text
    property alias list: list
    background: Rectangle { color: Theme.background }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            SearchField {
                id: search
                objectName: "customerSearch"
                placeholderText: qsTr("Search name, code, phone, city")
                text: Session.customerQuery
                onTextChanged: Session.searchCustomers(text)
            }
            Button {
                text: qsTr("New")
                Layout.preferredHeight: 52
                onClicked: newCustomer.open()
            }
        }

        ListView {
            id: list
            objectName: "customerList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: Session.customers
            reuseItems: true
            ScrollBar.vertical: ScrollBar { }
            delegate: ItemDelegate {
                id: row
                required property string customerId
                required property string name
                required property string code
                required property string city
                required property string credit
                required property int openTickets
                width: ListView.view.width
                height: 68
                onClicked: {
                    Session.openCustomer(customerId)
                    page.navigate("customer")
                }
                contentItem: RowLayout {
                    spacing: Theme.spacing
                    ColumnLayout {
                        spacing: 2
                        Layout.fillWidth: true
                        Label {
                            horizontalAlignment: Text.AlignLeft
                            objectName: "customerName"
                            text: row.name
                            font.pixelSize: 16
                            font.bold: true
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                        Label {
                            horizontalAlignment: Text.AlignLeft
                            text: [row.code, row.city].filter(s => s.length > 0).join(" · ")
                            color: Theme.muted
                            font.pixelSize: 13
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                    }
                    Label {
                        horizontalAlignment: Text.AlignLeft
                        visible: row.openTickets > 0
                        text: qsTr("Tickets: %1").arg(Formatter.number(row.openTickets))
                        color: Theme.warn
                        font.pixelSize: 13
                    }
                    CreditBadge {
                        outcome: row.credit
                    }
                }
            }
            EmptyHint {
                anchors.centerIn: parent
                width: parent.width
                visible: list.count === 0 && !Session.busy
                text: qsTr("No customers match")
            }
        }
    }

    Dialog {
        id: newCustomer
        title: qsTr("New customer")
        modal: true
        anchors.centerIn: Overlay.overlay
        width: Math.min(page.width - 24, 420)
        standardButtons: Dialog.Save | Dialog.Cancel
        ColumnLayout {
            anchors.fill: parent
            TextField { id: newName; placeholderText: qsTr("Name"); Layout.fillWidth: true }
            TextField { id: newPhone; placeholderText: qsTr("Phone"); Layout.fillWidth: true }
            TextField { id: newEmail; placeholderText: qsTr("Email"); Layout.fillWidth: true }
        }
        onAccepted: {
            Session.createCustomer({ "name": newName.text, "phone": newPhone.text,
                                     "email": newEmail.text })
            newName.clear(); newPhone.clear(); newEmail.clear()
        }
    }

    Connections {
        target: Session
        function onCustomerCreated(id) {
            Session.openCustomer(id)
            page.navigate("customer")
        }
    }
}
