import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Karvan

// Catalog: products with stock per warehouse and its "as of" time; barcode entry.
Page {
    id: page
    signal navigate(string name)
    background: Rectangle { color: Theme.background }
    property string notFound

    Component.onCompleted: if (Session.products.count === 0) Session.searchProducts("")

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        SearchField {
            id: search
            placeholderText: qsTr("Search products")
            onTextEdited: Session.searchProducts(text)
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            SearchField {
                id: barcode
                placeholderText: qsTr("Barcode")
                inputMethodHints: Qt.ImhDigitsOnly
                onAccepted: {
                    page.notFound = ""
                    Session.lookupBarcode(text)
                }
            }
            Button {
                text: qsTr("Look up")
                Layout.preferredHeight: 52
                onClicked: {
                    page.notFound = ""
                    Session.lookupBarcode(barcode.text)
                }
            }
        }
        Label {
            horizontalAlignment: Text.AlignLeft
            visible: page.notFound.length > 0
            text: qsTr("No product with barcode %1").arg(page.notFound)
            color: Theme.hold
            Layout.fillWidth: true
            wrapMode: Text.Wrap
        }

        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 6
            model: Session.products
            reuseItems: true
            ScrollBar.vertical: ScrollBar { }
            delegate: Rectangle {
                id: row
                required property string sku
                required property string name
                required property string unit
                required property string price
                required property string available
                required property bool inStock
                required property string asOf
                required property var warehouses
                width: ListView.view.width
                height: rowColumn.implicitHeight + 16
                radius: Theme.radius
                color: Theme.card
                border.color: Theme.divider
                ColumnLayout {
                    id: rowColumn
                    anchors.fill: parent
                    anchors.margins: 8
                    spacing: 2
                    RowLayout {
                        Layout.fillWidth: true
                        Label {
                            horizontalAlignment: Text.AlignLeft
                            text: row.name
                            font.bold: true
                            font.pixelSize: 16
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                        Label {
                            horizontalAlignment: Text.AlignLeft
                            text: row.price
                            font.bold: true
                        }
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        Label {
                            horizontalAlignment: Text.AlignLeft
                            text: row.sku
                            color: Theme.muted
                            font.pixelSize: 13
                        }
                        Label {
                            text: row.inStock ? qsTr("%1 available").arg(row.available)
                                              : qsTr("Out of stock")
                            color: row.inStock ? Theme.ok : Theme.hold
                            font.pixelSize: 13
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                            horizontalAlignment: Text.AlignRight
                        }
                    }
                    Label {
                        horizontalAlignment: Text.AlignLeft
                        text: row.warehouses.map(w => w.code + ": " + w.available).join("   ")
                        color: Theme.muted
                        font.pixelSize: 12
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        Label {
                            horizontalAlignment: Text.AlignLeft
                            text: qsTr("Stock as of %1").arg(row.asOf)
                            visible: row.asOf.length > 0
                            color: Theme.muted
                            font.pixelSize: 12
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                        Button {
                            text: qsTr("Add to order")
                            flat: true
                            enabled: Session.order.customerId.length > 0
                            onClicked: Session.order.addLine(row.sku, row.unit, "1")
                        }
                    }
                }
            }
        }
    }

    Connections {
        target: Session
        function onBarcodeNotFound(code) { page.notFound = code }
    }
}
