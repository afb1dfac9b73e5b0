import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Karvan

// The customer signs with a finger (or the mouse) on a white pad. Strokes are kept in the
// pad's own coordinates, which layout mirroring does not flip, so a signature made in Persian
// or Arabic is stored as drawn; only the label and the Clear button follow the direction.
// After each stroke `strokeAdded(strokes, width, height)` hands them on (C++ renders the PNG).
ColumnLayout {
    id: pad
    property var strokes: [] // [[{x, y}, ...], ...]
    readonly property bool empty: strokes.length === 0
    property int padHeight: 180
    signal strokeAdded(var strokes, real width, real height)
    signal cleared()
    spacing: 6
    Layout.fillWidth: true

    function clear() {
        pad.strokes = []
        canvas.current = []
        canvas.requestPaint()
        pad.cleared()
    }

    Rectangle {
        objectName: "signatureArea"
        Layout.fillWidth: true
        Layout.preferredHeight: pad.padHeight
        color: "white"
        radius: Theme.radius
        border.color: pad.empty ? Theme.divider : Theme.primary
        border.width: 2
        Accessible.role: Accessible.Canvas
        Accessible.name: qsTr("Signature pad")

        Text {
            anchors.centerIn: parent
            visible: pad.empty && canvas.current.length === 0
            text: qsTr("Customer signs here")
            color: Theme.muted
            font.pixelSize: 16
        }

        Canvas {
            id: canvas
            objectName: "signatureCanvas"
            anchors.fill: parent
            property var current: []
            onPaint: {
                const ctx = getContext("2d")
                ctx.reset()
                ctx.lineWidth = 3
                ctx.lineCap = "round"
                ctx.lineJoin = "round"
                ctx.strokeStyle = "black"
                const all = pad.strokes.concat(current.length > 0 ? [current] : [])
                for (const stroke of all) {
                    ctx.beginPath()
                    ctx.moveTo(stroke[0].x, stroke[0].y)
                    if (stroke.length === 1)
                        ctx.lineTo(stroke[0].x + 0.5, stroke[0].y + 0.5)
                    for (let i = 1; i < stroke.length; ++i)
                        ctx.lineTo(stroke[i].x, stroke[i].y)
                    ctx.stroke()
                }
            }
        }

        MouseArea {
            objectName: "signatureInput"
            anchors.fill: parent
            preventStealing: true // a stroke is not a flick of the page
            function point(mouse) {
                return { "x": Math.max(0, Math.min(width, mouse.x)),
                         "y": Math.max(0, Math.min(height, mouse.y)) }
            }
            onPressed: (mouse) => {
                canvas.current = [point(mouse)]
                canvas.requestPaint()
            }
            onPositionChanged: (mouse) => {
                canvas.current.push(point(mouse))
                canvas.requestPaint()
            }
            onReleased: {
                if (canvas.current.length === 0)
                    return
                pad.strokes = pad.strokes.concat([canvas.current])
                canvas.current = []
                canvas.requestPaint()
                pad.strokeAdded(pad.strokes, width, height)
            }
            onCanceled: {
                canvas.current = []
                canvas.requestPaint()
            }
        }
    }

    RowLayout {
        Layout.fillWidth: true
        Label {
            horizontalAlignment: Text.AlignLeft
            text: pad.empty ? qsTr("Optional: the customer's signature")
                            : qsTr("Signed on this device")
            color: pad.empty ? Theme.muted : Theme.ok
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Button {
            objectName: "signatureClear"
            text: qsTr("Clear")
            enabled: !pad.empty
            Layout.preferredHeight: Theme.touch
            Layout.minimumWidth: 96
            onClicked: pad.clear()
        }
    }
}
