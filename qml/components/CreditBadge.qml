import QtQuick
import Karvan

// The customer's credit state at a glance: a coloured pill with a word.
Rectangle {
    id: badge
    property string outcome: "ok"
    implicitWidth: label.implicitWidth + 16
    implicitHeight: label.implicitHeight + 6
    radius: height / 2
    color: Theme.creditColor(outcome)
    Text {
        id: label
        anchors.centerIn: parent
        color: "white"
        font.pixelSize: 12
        font.bold: true
        text: badge.outcome === "hold" ? qsTr("Credit hold")
            : badge.outcome === "warn" ? qsTr("Credit warning") : qsTr("Credit OK")
    }
}
