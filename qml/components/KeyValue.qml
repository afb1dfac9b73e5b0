import QtQuick
import QtQuick.Layouts
import Karvan

// A label and its value on one row; the value wraps, never clips.
RowLayout {
    id: row
    property string label
    property string value
    property color valueColor: Theme.text
    spacing: Theme.spacing
    Layout.fillWidth: true
    Text {
        text: row.label
        color: Theme.muted
        font.pixelSize: 14
        horizontalAlignment: Text.AlignLeft
        Layout.alignment: Qt.AlignTop
        // The label keeps its width (up to half the row); the value takes the rest and wraps.
        Layout.minimumWidth: Math.min(implicitWidth, 160)
        Layout.maximumWidth: 240
        elide: Text.ElideRight
    }
    Text {
        text: row.value
        color: row.valueColor
        font.pixelSize: 15
        horizontalAlignment: Text.AlignRight
        wrapMode: Text.Wrap
        Layout.fillWidth: true
        Layout.minimumWidth: 40
        Layout.alignment: Qt.AlignTop
    }
}
