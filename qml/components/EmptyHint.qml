import QtQuick
import QtQuick.Layouts
import Karvan

Text {
    color: Theme.muted
    font.pixelSize: 14
    wrapMode: Text.Wrap
    horizontalAlignment: Text.AlignHCenter
    Layout.fillWidth: true
}
