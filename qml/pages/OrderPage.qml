import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Karvan

// The order and quote editor: lines, quantities, why each price, totals and tax, credit and
// stock warnings before submitting; saved on the device, then synced.
Flickable {
    id: page
    signal navigate(string name)
    readonly property var order: Session.order
    contentHeight: column.implicitHeight + 2 * Theme.spacing
    clip: true
    ScrollBar.vertical: ScrollBar { }

    ColumnLayout {
        id: column
        x: Theme.spacing
        y: Theme.spacing
        width: page.width - 2 * Theme.spacing
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            Label {
                horizontalAlignment: Text.AlignLeft
                text: page.order.customerName.length > 0 ? page.order.customerName
                                                         : qsTr("Choose a customer")
                font.pixelSize: 20
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Button {
                text: qsTr("Customers")
                flat: true
                onClicked: page.navigate("customers")
            }
        }
        RowLayout {
            Layout.fillWidth: true
            Label { text: qsTr("Order") }
            Switch {
                objectName: "quoteSwitch"
                checked: page.order.quote
                onToggled: page.order.quote = checked
            }
            Label { text: qsTr("Quote") }
        }

        Rectangle {
            objectName: "savedBanner"
            visible: page.order.savedId.length > 0
            Layout.fillWidth: true
            readonly property bool held: page.order.savedStatus === "credit_hold"
                                         || page.order.savedStatus === "rejected"
            implicitHeight: savedText.implicitHeight + 20
            radius: Theme.radius
            color: held ? "#FFEBEE" : "#E8F5E9"
            border.color: held ? Theme.hold : Theme.ok
            Label {
                horizontalAlignment: Text.AlignLeft
                id: savedText
                objectName: "savedText"
                anchors.fill: parent
                anchors.margins: 10
                wrapMode: Text.Wrap
                color: parent.held ? Theme.hold : Theme.ok
                font.bold: true
                // Saved offline until HQ answers; then HQ's number and decision (confirmed,
                // credit hold...) and its reason.
                text: page.order.savedPending || page.order.savedStatus.length === 0
                      ? qsTr("Saved on this device, waiting to sync")
                      : (page.order.savedNumber.length > 0
                         ? qsTr("%1 at HQ: %2").arg(page.order.savedNumber).arg(page.order.savedStatusText)
                         : qsTr("HQ: %1").arg(page.order.savedStatusText))
                        + (page.order.savedReason.length > 0 ? " · " + page.order.savedReason : "")
            }
        }

        SectionCard {
            title: qsTr("Add products")
            visible: page.order.customerId.length > 0
            SearchField {
                id: productSearch
                objectName: "productSearch"
                placeholderText: qsTr("Search products")
                onTextEdited: Session.searchProducts(text)
            }
            Repeater {
                model: productSearch.text.length > 0 ? Session.products : null
                delegate: ItemDelegate {
                    id: pick
                    required property int index
                    required property string sku
                    required property string name
                    required property string unit
                    required property string price
                    objectName: "productPick_" + sku
                    visible: index < 5
                    Layout.fillWidth: true
                    Layout.preferredHeight: visible ? Theme.touch : 0
                    text: name + "  ·  " + price
                    onClicked: {
                        page.order.addLine(sku, unit, "1")
                        productSearch.clear()
                    }
                }
            }
        }

        SectionCard {
            title: qsTr("Lines")
            visible: page.order.lines.count > 0
            Repeater {
                model: page.order.lines
                delegate: ColumnLayout {
                    id: line
                    required property int index
                    required property string sku
                    required property string name
                    required property string quantity
                    required property string unit
                    required property string unitPrice
                    required property string total
                    required property var steps
                    required property string stock
                    required property string stockText
                    property bool showWhy: false
                    Layout.fillWidth: true
                    spacing: 4
                    RowLayout {
                        Layout.fillWidth: true
                        Label {
                            horizontalAlignment: Text.AlignLeft
                            text: line.name
                            font.bold: true
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                        Label {
                            horizontalAlignment: Text.AlignLeft
                            objectName: "lineTotal"
                            text: line.total
                            font.bold: true
                        }
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: 8
                        TextField {
                            objectName: "quantityField"
                            text: line.quantity
                            Layout.preferredWidth: 80
                            horizontalAlignment: Text.AlignHCenter
                            inputMethodHints: Qt.ImhFormattedNumbersOnly
                            onEditingFinished: page.order.setQuantity(line.index, text)
                        }
                        Label {
                            text: line.unit + " × " + line.unitPrice
                            horizontalAlignment: Text.AlignLeft
                            Layout.fillWidth: true
                            Layout.minimumWidth: implicitWidth
                        }
                        Button {
                            text: qsTr("Why?")
                            flat: true
                            Layout.preferredWidth: Math.min(implicitWidth, 72)
                            onClicked: line.showWhy = !line.showWhy
                        }
                        Button {
                            text: "✕"
                            flat: true
                            Layout.preferredWidth: 44
                            Accessible.name: qsTr("Remove")
                            onClicked: page.order.removeLine(line.index)
                        }
                    }
                    Label {
                        horizontalAlignment: Text.AlignLeft
                        text: line.stockText
                        color: line.stock === "full" ? Theme.ok : Theme.hold
                        font.pixelSize: 13
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Repeater {
                        model: line.showWhy ? line.steps : []
                        delegate: KeyValue {
                            required property var modelData
                            label: modelData.kind + (modelData.reference ? " (" + modelData.reference + ")" : "")
                            value: modelData.price
                        }
                    }
                    Rectangle { Layout.fillWidth: true; height: 1; color: Theme.divider }
                }
            }
        }

        SectionCard {
            objectName: "warningsCard"
            title: qsTr("Check before submitting")
            visible: page.order.warnings.length > 0 || page.order.error.length > 0
            Repeater {
                model: page.order.warnings
                delegate: Label {
                    required property string modelData
                    objectName: "warning"
                    text: "⚠ " + modelData
                    color: page.order.creditHold ? Theme.hold : Theme.warn
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
            Label {
                horizontalAlignment: Text.AlignLeft
                visible: page.order.error.length > 0
                text: page.order.error
                color: Theme.hold
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }

        SectionCard {
            title: qsTr("Totals")
            visible: page.order.lines.count > 0
            KeyValue { label: qsTr("Net"); value: page.order.net }
            KeyValue { label: qsTr("Tax"); value: page.order.tax }
            KeyValue {
                objectName: "orderTotal"
                label: qsTr("Total")
                value: page.order.total
            }
            KeyValue { label: qsTr("Credit"); value: page.order.creditSummary }
        }

        Button {
            objectName: "submitButton"
            Layout.fillWidth: true
            Layout.preferredHeight: 56
            highlighted: true
            enabled: page.order.canSubmit
            text: page.order.quote ? qsTr("Save quote") : qsTr("Submit order")
            onClicked: page.order.submit()
        }
    }
}
