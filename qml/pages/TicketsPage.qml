import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Karvan

// Tickets: open ones across customers; comment and move by the ticket workflow.
Page {
    id: page
    background: Rectangle { color: Theme.background }

    ListView {
        id: list
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: 8
        clip: true
        model: Session.tickets
        ScrollBar.vertical: ScrollBar { }
        header: RowLayout {
            width: ListView.view.width
            Label {
                horizontalAlignment: Text.AlignLeft
                text: qsTr("Open tickets")
                font.pixelSize: 20
                font.bold: true
                Layout.fillWidth: true
            }
            Button {
                text: qsTr("New ticket")
                enabled: !!Session.customer.id
                onClicked: newTicket.open()
            }
        }
        delegate: Rectangle {
            id: ticket
            required property string ticketId
            required property string number
            required property string subject
            required property string customerName
            required property string status
            required property string updated
            required property var nextStatuses
            required property var comments
            property bool expanded: false
            width: ListView.view.width
            height: ticketColumn.implicitHeight + 16
            radius: Theme.radius
            color: Theme.card
            border.color: Theme.divider
            ColumnLayout {
                id: ticketColumn
                anchors.fill: parent
                anchors.margins: 8
                spacing: 4
                RowLayout {
                    Layout.fillWidth: true
                    Label {
                        horizontalAlignment: Text.AlignLeft
                        text: ticket.subject
                        font.bold: true
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                    Label { text: Session.statusLabel(ticket.status); color: Theme.primary }
                }
                Label {
                    horizontalAlignment: Text.AlignLeft
                    text: [ticket.number, ticket.customerName, ticket.updated].filter(s => !!s).join(" · ")
                    color: Theme.muted
                    font.pixelSize: 13
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: 6
                    Button {
                        text: ticket.expanded ? qsTr("Hide") : qsTr("Comment")
                        flat: true
                        onClicked: ticket.expanded = !ticket.expanded
                    }
                    Repeater {
                        model: ticket.nextStatuses
                        delegate: Button {
                            required property string modelData
                            text: Session.statusLabel(modelData)
                            flat: true
                            onClicked: Session.changeTicketStatus(ticket.ticketId, modelData)
                        }
                    }
                }
                Repeater {
                    model: ticket.expanded ? ticket.comments : []
                    delegate: Label {
                        required property var modelData
                        text: modelData.when + " · " + modelData.author + ": " + modelData.body
                        wrapMode: Text.Wrap
                        font.pixelSize: 13
                        Layout.fillWidth: true
                    }
                }
                RowLayout {
                    visible: ticket.expanded
                    Layout.fillWidth: true
                    TextField {
                        id: comment
                        placeholderText: qsTr("Write a comment")
                        Layout.fillWidth: true
                    }
                    Button {
                        text: qsTr("Send")
                        enabled: comment.text.length > 0
                        onClicked: {
                            Session.commentTicket(ticket.ticketId, comment.text)
                            comment.clear()
                        }
                    }
                }
            }
        }
    }

    Dialog {
        id: newTicket
        title: qsTr("New ticket for %1").arg(Session.customer.name || "")
        modal: true
        anchors.centerIn: Overlay.overlay
        width: Math.min(page.width - 24, 420)
        standardButtons: Dialog.Save | Dialog.Cancel
        ColumnLayout {
            anchors.fill: parent
            TextField { id: subject; placeholderText: qsTr("Subject"); Layout.fillWidth: true }
            TextField { id: details; placeholderText: qsTr("Details"); Layout.fillWidth: true }
        }
        onAccepted: {
            Session.openTicket(Session.customer.id, subject.text, details.text)
            subject.clear(); details.clear()
        }
    }
}
