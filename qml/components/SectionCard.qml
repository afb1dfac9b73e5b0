import QtQuick
import QtQuick.Layouts
import Karvan

// A titled white card; children go into its column.
Rectangle {
    id: card
    property string title
    default property alias content: column.data
    color: Theme.card
    radius: Theme.radius
    border.color: Theme.divider
    implicitHeight: column.implicitHeight + 2 * Theme.spacing
    Layout.fillWidth: true

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: 6
        Text {
            visible: card.title.length > 0
            text: card.title
            font.pixelSize: 17
            font.bold: true
            color: Theme.primary
            Layout.fillWidth: true
            elide: Text.ElideRight
        }
    }
}
