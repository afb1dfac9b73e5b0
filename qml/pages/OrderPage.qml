import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Karvan

// The order and quote editor: lines, quantities, why each price, totals and tax, credit and
// stock warnings and the customer's signature before submitting; saved on the device, then
// synced. A saved order or quote opened from Customer 360 shows read-only instead (a quote:
// convert to an order, share as PDF).
Flickable {
    id: page
    signal navigate(string name)
    readonly property var order: Session.order
    readonly property var view: Session.order.view
    readonly property bool viewing: view.loaded
    // The pad starts empty, so no signature from an earlier visit of this page is sent unseen.
    Component.onCompleted: order.clearSignature()
    contentHeight: column.implicitHeight + 2 * Theme.spacing
    clip: true
    ScrollBar.vertical: ScrollBar { }

    ColumnLayout {
        id: column
        x: Theme.spacing
        y: Theme.spacing
        width: page.width - 2 * Theme.spacing
        spacing: Theme.spacing

        ColumnLayout {
            id: documentView
            objectName: "documentView"
            visible: page.viewing
            Layout.fillWidth: true
            spacing: Theme.spacing

            RowLayout {
                Layout.fillWidth: true
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    Label {
                        objectName: "documentTitle"
                        horizontalAlignment: Text.AlignLeft
                        text: page.view.title
                        font.pixelSize: 20
                        font.bold: true
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        horizontalAlignment: Text.AlignLeft
                        text: page.view.customerName
                        color: Theme.muted
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
                Button {
                    objectName: "documentClose"
                    text: qsTr("Close")
                    flat: true
                    Layout.preferredHeight: Theme.touch
                    onClicked: page.view.close()
                }
            }

            SectionCard {
                title: page.view.quote ? qsTr("Quote") : qsTr("Order")
                KeyValue { label: qsTr("Date"); value: page.view.date }
                KeyValue {
                    visible: page.view.quote && page.view.validUntil.length > 0
                    label: qsTr("Valid until")
                    value: page.view.validUntil
                }
                KeyValue {
                    objectName: "documentStatus"
                    label: qsTr("Status")
                    value: page.view.statusText
                           + (page.view.statusReason.length > 0 ? " · " + page.view.statusReason : "")
                }
                RowLayout {
                    visible: page.view.signedByCustomer
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    Label { text: qsTr("Signed"); color: Theme.ok; font.bold: true }
                    Image {
                        source: page.view.signatureUrl
                        fillMode: Image.PreserveAspectFit
                        Layout.preferredHeight: 56
                        Layout.preferredWidth: 160
                        Layout.fillWidth: false
                    }
                }
            }

            SectionCard {
                title: qsTr("Lines")
                Repeater {
                    model: page.view.lines
                    delegate: ColumnLayout {
                        required property var modelData
                        Layout.fillWidth: true
                        spacing: 0
                        Label {
                            horizontalAlignment: Text.AlignLeft
                            text: modelData.name
                            font.bold: true
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                        KeyValue {
                            label: modelData.quantity + " × " + modelData.unitPrice
                            value: modelData.total
                        }
                    }
                }
            }

            SectionCard {
                title: qsTr("Totals")
                KeyValue { label: qsTr("Net"); value: page.view.net }
                KeyValue { label: qsTr("Tax"); value: page.view.tax }
                KeyValue { label: qsTr("Total"); value: page.view.total }
            }

            Label {
                objectName: "notConvertibleReason"
                visible: page.view.notConvertibleReason.length > 0
                horizontalAlignment: Text.AlignLeft
                text: page.view.notConvertibleReason
                color: Theme.warn
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Button {
                objectName: "convertButton"
                visible: page.view.canConvert
                enabled: !page.view.busy
                highlighted: true
                text: qsTr("Convert to order")
                Layout.fillWidth: true
                Layout.preferredHeight: 56
                onClicked: page.view.convert()
            }
            Button {
                objectName: "shareButton"
                visible: page.view.quote
                enabled: !page.view.busy
                text: qsTr("Share as PDF")
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touch
                onClicked: page.view.sharePdf()
            }
            BusyIndicator {
                visible: page.view.busy
                running: visible
                Layout.alignment: Qt.AlignHCenter
            }
            Label {
                objectName: "documentNotice"
                visible: page.view.notice.length > 0
                horizontalAlignment: Text.AlignLeft
                text: page.view.notice
                color: Theme.ok
                wrapMode: Text.WrapAnywhere
                Layout.fillWidth: true
            }
            Label {
                objectName: "documentError"
                visible: page.view.actionError.length > 0
                horizontalAlignment: Text.AlignLeft
                text: page.view.actionError
                color: Theme.hold
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }

        RowLayout {
            visible: !page.viewing
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
            visible: !page.viewing
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
            visible: page.order.savedId.length > 0 && !page.viewing
            Layout.fillWidth: true
            readonly property bool held: page.order.savedStatus === "credit_hold"
                                         || page.order.savedStatus === "rejected"
            implicitHeight: savedColumn.implicitHeight + 20
            radius: Theme.radius
            color: held ? "#FFEBEE" : "#E8F5E9"
            border.color: held ? Theme.hold : Theme.ok
            ColumnLayout {
                id: savedColumn
                anchors.fill: parent
                anchors.margins: 10
                spacing: 6
                Label {
                    horizontalAlignment: Text.AlignLeft
                    id: savedText
                    objectName: "savedText"
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: savedColumn.parent.held ? Theme.hold : Theme.ok
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
                RowLayout {
                    objectName: "savedSigned"
                    visible: page.order.savedSignature.length > 0
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    Label { text: qsTr("Signed"); color: Theme.ok; font.bold: true }
                    Image {
                        objectName: "savedSignatureImage"
                        source: page.order.savedSignature
                        fillMode: Image.PreserveAspectFit
                        Layout.preferredHeight: 56
                        Layout.preferredWidth: 160
                    }
                    Item { Layout.fillWidth: true }
                }
                Label {
                    visible: page.order.signatureError.length > 0
                    horizontalAlignment: Text.AlignLeft
                    text: page.order.signatureError
                    color: Theme.hold
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
        }

        SectionCard {
            title: qsTr("Add products")
            visible: page.order.customerId.length > 0 && !page.viewing
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
            visible: page.order.lines.count > 0 && !page.viewing
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
            visible: !page.viewing && (page.order.warnings.length > 0 || page.order.error.length > 0)
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
            visible: page.order.lines.count > 0 && !page.viewing
            KeyValue { label: qsTr("Net"); value: page.order.net }
            KeyValue { label: qsTr("Tax"); value: page.order.tax }
            KeyValue {
                objectName: "orderTotal"
                label: qsTr("Total")
                value: page.order.total
            }
            KeyValue { label: qsTr("Credit"); value: page.order.creditSummary }
        }

        // Optional for orders and quotes; the kiosk's checkout does not ask.
        SectionCard {
            objectName: "signatureCard"
            title: qsTr("Customer's signature")
            visible: page.order.lines.count > 0 && !page.viewing
            SignaturePad {
                id: signaturePad
                objectName: "signaturePad"
                onStrokeAdded: (strokes, width, height) => page.order.setSignature(strokes, width, height)
                onCleared: page.order.clearSignature()
            }
        }
        Connections {
            target: page.order
            function onSubmitted() { signaturePad.clear() }
        }

        Button {
            objectName: "submitButton"
            visible: !page.viewing
            Layout.fillWidth: true
            Layout.preferredHeight: 56
            highlighted: true
            enabled: page.order.canSubmit
            text: page.order.quote ? qsTr("Save quote") : qsTr("Submit order")
            onClicked: page.order.submit()
        }
    }
}
