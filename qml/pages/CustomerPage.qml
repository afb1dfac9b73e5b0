import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Karvan

// Customer 360: profile and contacts (editable offline), credit at a glance, open tickets,
// history, activities and purchases over the last twelve months.
Flickable {
    id: page
    signal navigate(string name)
    readonly property var customer: Session.customer
    readonly property var credit: customer.credit || ({})
    property bool editing: false
    contentHeight: column.implicitHeight + 2 * Theme.spacing
    clip: true
    ScrollBar.vertical: ScrollBar { }

    EmptyHint {
        anchors.centerIn: parent
        width: parent.width
        visible: !page.customer.id
        text: qsTr("Choose a customer")
    }

    ColumnLayout {
        id: column
        visible: !!page.customer.id
        x: Theme.spacing
        y: Theme.spacing
        width: page.width - 2 * Theme.spacing
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2
                Label {
                    horizontalAlignment: Text.AlignLeft
                    text: page.customer.name || ""
                    font.pixelSize: 22
                    font.bold: true
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    horizontalAlignment: Text.AlignLeft
                    text: [page.customer.code, page.customer.territory].filter(s => !!s).join(" · ")
                    color: Theme.muted
                    Layout.fillWidth: true
                }
            }
            CreditBadge { outcome: page.credit.outcome || "ok" }
        }

        Flow {
            Layout.fillWidth: true
            spacing: 8
            Button {
                text: qsTr("New order")
                highlighted: true
                onClicked: {
                    Session.order.view.close()
                    Session.order.quote = false
                    Session.order.setCustomer(page.customer.id, page.customer.name)
                    page.navigate("order")
                }
            }
            Button {
                text: qsTr("New quote")
                onClicked: {
                    Session.order.view.close()
                    Session.order.quote = true
                    Session.order.setCustomer(page.customer.id, page.customer.name)
                    page.navigate("order")
                }
            }
            Button {
                text: page.editing ? qsTr("Save") : qsTr("Edit")
                onClicked: {
                    if (page.editing)
                        Session.saveCustomer({ "name": nameField.text, "phone": phoneField.text,
                                               "email": emailField.text, "notes": notesField.text })
                    page.editing = !page.editing
                }
            }
        }

        SectionCard {
            title: qsTr("Credit")
            KeyValue { label: qsTr("Limit"); value: page.credit.limit || "" }
            KeyValue { label: qsTr("Exposure"); value: page.credit.exposure || "" }
            KeyValue { label: qsTr("Available"); value: page.credit.available || "" }
            KeyValue {
                label: qsTr("Overdue")
                value: page.credit.overdue || ""
                valueColor: (page.credit.overdueDays || 0) > 0 ? Theme.hold : Theme.text
            }
            KeyValue { label: qsTr("Payment terms"); value: page.customer.paymentTerms || "" }
            ProgressBar {
                Layout.fillWidth: true
                from: 0
                to: 1
                value: Math.min(1, page.credit.used || 0)
            }
        }

        SectionCard {
            title: qsTr("Profile")
            GridLayout {
                columns: 2
                columnSpacing: Theme.spacing
                Layout.fillWidth: true
                Label { text: qsTr("Name"); color: Theme.muted }
                TextField {
                    id: nameField
                    text: page.customer.name || ""
                    readOnly: !page.editing
                    Layout.fillWidth: true
                }
                Label { text: qsTr("Phone"); color: Theme.muted }
                TextField {
                    id: phoneField
                    text: page.customer.phone || ""
                    readOnly: !page.editing
                    Layout.fillWidth: true
                }
                Label { text: qsTr("Email"); color: Theme.muted }
                TextField {
                    id: emailField
                    text: page.customer.email || ""
                    readOnly: !page.editing
                    Layout.fillWidth: true
                }
                Label { text: qsTr("Notes"); color: Theme.muted }
                TextField {
                    id: notesField
                    text: page.customer.notes || ""
                    readOnly: !page.editing
                    Layout.fillWidth: true
                }
            }
            KeyValue { label: qsTr("Address"); value: page.customer.address || "" }
            Repeater {
                model: page.customer.contacts || []
                delegate: KeyValue {
                    required property var modelData
                    label: modelData.role || qsTr("Contact")
                    value: [modelData.name, modelData.phone].filter(s => !!s).join(" · ")
                }
            }
        }

        SectionCard {
            title: qsTr("Purchases, last 12 months")
            BarChart { points: page.customer.monthly || [] }
        }

        SectionCard {
            title: qsTr("Open tickets")
            EmptyHint {
                visible: (page.customer.tickets || []).length === 0
                text: qsTr("No open tickets")
            }
            Repeater {
                model: page.customer.tickets || []
                delegate: KeyValue {
                    required property var modelData
                    label: modelData.subject
                    value: modelData.status
                }
            }
        }

        SectionCard {
            title: qsTr("History")
            Repeater {
                model: page.customer.history || []
                delegate: RowLayout {
                    id: historyRow
                    required property var modelData
                    // Orders and quotes open in the order page (a quote: convert, share as PDF).
                    readonly property bool opens: !!modelData.documentId
                    objectName: opens ? "historyDocument_" + modelData.documentId : "historyRow"
                    Layout.fillWidth: true
                    Layout.minimumHeight: opens ? Theme.touch : 0
                    spacing: Theme.spacing
                    TapHandler {
                        enabled: historyRow.opens
                        onTapped: {
                            Session.order.view.open(historyRow.modelData.documentId)
                            page.navigate("order")
                        }
                    }
                    Label {
                        horizontalAlignment: Text.AlignLeft
                        text: modelData.date
                        color: Theme.muted
                        font.pixelSize: 13
                        Layout.preferredWidth: 90
                    }
                    Label {
                        horizontalAlignment: Text.AlignLeft
                        text: modelData.kind + " " + modelData.number
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                    Label {
                        horizontalAlignment: Text.AlignLeft
                        text: modelData.status
                        color: Theme.muted
                        font.pixelSize: 13
                    }
                    Label {
                        horizontalAlignment: Text.AlignLeft
                        text: modelData.amount
                        font.bold: true
                    }
                    Label {
                        visible: historyRow.opens
                        text: Formatter.rightToLeft ? "‹" : "›"
                        color: Theme.muted
                        font.pixelSize: 20
                    }
                }
            }
        }

        SectionCard {
            title: qsTr("Activities")
            Repeater {
                model: page.customer.activities || []
                delegate: ColumnLayout {
                    required property var modelData
                    Layout.fillWidth: true
                    spacing: 0
                    Label {
                        horizontalAlignment: Text.AlignLeft
                        text: modelData.when + " · " + modelData.kind
                              + (modelData.hasPhoto ? " · 📷 " + qsTr("photo") : "")
                        color: Theme.muted
                        font.pixelSize: 13
                    }
                    Label {
                        horizontalAlignment: Text.AlignLeft
                        text: modelData.subject
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
            }
        }
    }
}
