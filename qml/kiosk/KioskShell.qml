import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Karvan

// Self-order kiosk: start screen, big product tiles, a cart, checkout into an order. Any idle
// period of AppSettings.kioskIdleSeconds empties the cart and returns to the start screen;
// leaving the kiosk needs the PIN.
Item {
    id: kiosk
    objectName: "kiosk"
    signal exitRequested()
    property string stage: "start" // "start", "shopping", "done"
    property alias idleTimer: idle

    function touch() {
        idle.restart()
    }
    function reset() {
        Session.order.clear()
        stage = "start"
        pinDialog.close()
    }
    function begin() {
        const id = AppSettings.kioskCustomerId.length > 0 ? AppSettings.kioskCustomerId
                 : (Session.customers.count > 0 ? Session.customers.get(0).customerId : "")
        Session.order.quote = false
        Session.order.setCustomer(id, qsTr("Walk-in customer"))
        Session.searchProducts("")
        stage = "shopping"
        touch()
    }
    // Returns whether the PIN was right; only then the kiosk may close (and kiosk mode
    // started from Settings ends).
    function tryExit(pin) {
        if (!AppSettings.leaveKioskMode(pin))
            return false
        kiosk.exitRequested()
        return true
    }

    Timer {
        id: idle
        interval: AppSettings.kioskIdleSeconds * 1000
        running: kiosk.stage !== "start"
        onTriggered: kiosk.reset()
    }

    Rectangle { anchors.fill: parent; color: Theme.background }

    // Start screen
    ColumnLayout {
        anchors.centerIn: parent
        visible: kiosk.stage === "start"
        spacing: 24
        Label {
            horizontalAlignment: Text.AlignLeft
            text: qsTr("Welcome")
            font.pixelSize: 48
            font.bold: true
            Layout.alignment: Qt.AlignHCenter
        }
        Button {
            objectName: "startButton"
            text: qsTr("Tap to order")
            font.pixelSize: 28
            highlighted: true
            Layout.preferredWidth: 360
            Layout.preferredHeight: Theme.kioskTouch * 1.3
            Layout.alignment: Qt.AlignHCenter
            onClicked: kiosk.begin()
        }
        Flow {
            Layout.alignment: Qt.AlignHCenter
            Layout.maximumWidth: kiosk.width - 40
            spacing: 8
            Repeater {
                model: Formatter.languages
                delegate: Button {
                    required property string modelData
                    text: Formatter.languageName(modelData)
                    flat: modelData !== Formatter.language
                    Layout.preferredHeight: Theme.kioskTouch
                    onClicked: Formatter.language = modelData
                }
            }
        }
    }

    // Shopping and done
    RowLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 16
        visible: kiosk.stage !== "start"

        GridView {
            id: grid
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            visible: kiosk.stage === "shopping"
            cellWidth: Math.max(200, width / Math.max(1, Math.floor(width / 240)))
            cellHeight: 170
            model: Session.products
            delegate: Item {
                id: tile
                required property string sku
                required property string name
                required property string unit
                required property string price
                required property bool inStock
                width: grid.cellWidth
                height: grid.cellHeight
                Button {
                    anchors.fill: parent
                    anchors.margins: 6
                    enabled: tile.inStock
                    onClicked: {
                        kiosk.touch()
                        Session.order.addLine(tile.sku, tile.unit, "1")
                    }
                    contentItem: ColumnLayout {
                        Label {
                            horizontalAlignment: Text.AlignLeft
                            text: tile.name
                            font.pixelSize: 18
                            font.bold: true
                            wrapMode: Text.Wrap
                            maximumLineCount: 3
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                        Label {
                            horizontalAlignment: Text.AlignLeft
                            text: tile.inStock ? tile.price : qsTr("Out of stock")
                            font.pixelSize: 20
                            color: tile.inStock ? Theme.primary : Theme.hold
                        }
                    }
                }
            }
        }

        ColumnLayout {
            visible: kiosk.stage === "done"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Label {
                text: qsTr("Thank you! Your order is saved.")
                font.pixelSize: 32
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
            }
            Button {
                text: qsTr("New order")
                font.pixelSize: 24
                Layout.alignment: Qt.AlignHCenter
                Layout.preferredHeight: Theme.kioskTouch
                onClicked: kiosk.reset()
            }
        }

        Rectangle {
            Layout.fillHeight: true
            Layout.preferredWidth: Math.min(360, kiosk.width * 0.4)
            color: Theme.card
            radius: Theme.radius
            ColumnLayout {
                anchors.fill: parent
                anchors.margins: 12
                Label { text: qsTr("Your cart"); font.pixelSize: 24; font.bold: true }
                ListView {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    model: Session.order.lines
                    delegate: RowLayout {
                        id: cartLine
                        required property int index
                        required property string name
                        required property string quantity
                        required property string total
                        width: ListView.view.width
                        height: Theme.kioskTouch * 0.8
                        Label { text: cartLine.quantity + " × " + cartLine.name; elide: Text.ElideRight; Layout.fillWidth: true; font.pixelSize: 17 }
                        Label { text: cartLine.total; font.pixelSize: 17 }
                        Button {
                            text: "−"
                            font.pixelSize: 22
                            Layout.preferredWidth: Theme.kioskTouch * 0.8
                            onClicked: { kiosk.touch(); Session.order.removeLine(cartLine.index) }
                        }
                    }
                }
                KeyValue { label: qsTr("Total"); value: Session.order.total }
                Button {
                    objectName: "checkoutButton"
                    text: qsTr("Checkout")
                    font.pixelSize: 24
                    highlighted: true
                    enabled: Session.order.canSubmit && kiosk.stage === "shopping"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.kioskTouch
                    onClicked: { kiosk.touch(); Session.order.submit() }
                }
            }
        }
    }

    Connections {
        target: Session.order
        function onSubmitted() { if (kiosk.stage === "shopping") kiosk.stage = "done" }
    }

    // Any touch anywhere counts as activity; the touch still reaches what is underneath.
    MouseArea {
        anchors.fill: parent
        propagateComposedEvents: true
        onPressed: (mouse) => { kiosk.touch(); mouse.accepted = false }
    }

    Button {
        objectName: "exitButton"
        text: qsTr("Staff")
        flat: true
        anchors.top: parent.top
        anchors.right: parent.right
        onClicked: pinDialog.open()
    }

    Dialog {
        id: pinDialog
        objectName: "pinDialog"
        title: qsTr("Staff PIN")
        modal: true
        anchors.centerIn: Overlay.overlay
        standardButtons: Dialog.Ok | Dialog.Cancel
        TextField {
            id: pin
            echoMode: TextInput.Password
            inputMethodHints: Qt.ImhDigitsOnly
            placeholderText: qsTr("PIN")
            width: 240
        }
        Label {
            horizontalAlignment: Text.AlignLeft
            id: wrongPin
            visible: false
            anchors.top: pin.bottom
            text: qsTr("Wrong PIN")
            color: Theme.hold
        }
        onAccepted: {
            if (!kiosk.tryExit(pin.text)) {
                wrongPin.visible = true
                pin.clear()
                open()
            }
        }
    }
}
