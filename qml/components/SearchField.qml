import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A search box sized for thumbs; the text is re-aligned for right-to-left input.
TextField {
    Layout.fillWidth: true
    Layout.preferredHeight: 52
    font.pixelSize: 17
    inputMethodHints: Qt.ImhNoPredictiveText
    horizontalAlignment: LayoutMirroring.enabled ? Text.AlignRight : Text.AlignLeft
}
