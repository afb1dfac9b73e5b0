import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Karvan

// Activities: log a visit, call or note for the open customer.
Flickable {
    id: page
    contentHeight: column.implicitHeight + 2 * Theme.spacing
    clip: true

    ColumnLayout {
        id: column
        x: Theme.spacing
        y: Theme.spacing
        width: page.width - 2 * Theme.spacing
        spacing: Theme.spacing

        Label {
            horizontalAlignment: Text.AlignLeft
            text: Session.customer.name ? qsTr("Log for %1").arg(Session.customer.name)
                                        : qsTr("Choose a customer first")
            font.pixelSize: 20
            font.bold: true
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        RowLayout {
            spacing: 8
            RadioButton { id: visit; text: qsTr("Visit"); checked: true }
            RadioButton { id: call; text: qsTr("Call") }
            RadioButton { text: qsTr("Note") }
        }
        TextField { id: subject; placeholderText: qsTr("Subject"); Layout.fillWidth: true }
        TextArea {
            id: notes
            placeholderText: qsTr("Notes")
            wrapMode: TextEdit.Wrap
            Layout.fillWidth: true
            Layout.preferredHeight: 120
        }
        RowLayout {
            Label { text: qsTr("Minutes") }
            SpinBox { id: minutes; from: 0; to: 480; stepSize: 5; value: 15; editable: true }
        }
        Button {
            text: qsTr("Save")
            highlighted: true
            enabled: !!Session.customer.id && subject.text.length > 0
            Layout.fillWidth: true
            Layout.preferredHeight: 56
            onClicked: {
                Session.logActivity(Session.customer.id, visit.checked ? "visit" : call.checked ? "call" : "note",
                                    subject.text, notes.text, minutes.value)
                subject.clear()
                notes.clear()
            }
        }
        SectionCard {
            title: qsTr("Recent")
            Repeater {
                model: Session.customer.activities || []
                delegate: Label {
                    required property var modelData
                    text: modelData.when + " · " + modelData.kind + " · " + modelData.subject
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
            }
        }
    }
}
