import QtQuick
import QtQuick.Layouts
import Karvan

// Purchases per month as bars (Qt Quick items, no Qt Charts: see the app's notes). The row
// mirrors with the layout, so in right-to-left languages time runs right to left.
Item {
    id: chart
    property var points: [] // [{label, amount, fraction}]
    implicitHeight: 170
    Layout.fillWidth: true

    Row {
        id: bars
        anchors.fill: parent
        anchors.bottomMargin: 22
        spacing: 4
        Repeater {
            model: chart.points
            delegate: Item {
                required property var modelData
                width: (bars.width - bars.spacing * (chart.points.length - 1)) / Math.max(1, chart.points.length)
                height: bars.height
                Rectangle {
                    anchors.bottom: parent.bottom
                    width: parent.width
                    height: Math.max(2, parent.height * modelData.fraction)
                    radius: 3
                    color: modelData.fraction > 0 ? Theme.primary : Theme.divider
                }
                Text {
                    anchors.top: parent.bottom
                    anchors.topMargin: 4
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: modelData.label
                    font.pixelSize: 10
                    color: Theme.muted
                }
            }
        }
    }
}
