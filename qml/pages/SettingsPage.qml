import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Karvan

// Settings: server, account, language, calendar; sign out only when everything is synced.
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

        SectionCard {
            title: qsTr("Account")
            Label { text: qsTr("Server") }
            TextField {
                text: AppSettings.serverUrl
                placeholderText: "https://hq.example.com"
                Layout.fillWidth: true
                onEditingFinished: AppSettings.serverUrl = text
            }
            Label { text: qsTr("Login") }
            TextField {
                text: AppSettings.account || Session.userName
                Layout.fillWidth: true
                onEditingFinished: AppSettings.account = text
            }
        }

        SectionCard {
            title: qsTr("Language")
            ComboBox {
                id: language
                objectName: "languageBox"
                Layout.fillWidth: true
                model: Formatter.languages
                displayText: Formatter.languageName(currentValue)
                currentIndex: Formatter.languages.indexOf(Formatter.language)
                delegate: ItemDelegate {
                    required property string modelData
                    width: ListView.view.width
                    text: Formatter.languageName(modelData)
                }
                onActivated: (index) => Formatter.language = Formatter.languages[index]
            }
            Label { text: qsTr("Calendar") }
            ComboBox {
                Layout.fillWidth: true
                textRole: "text"
                valueRole: "value"
                model: [
                    { "value": "gregorian", "text": qsTr("Gregorian") },
                    { "value": "jalali", "text": qsTr("Solar Hijri (Jalali)") },
                    { "value": "hijri", "text": qsTr("Hijri") }
                ]
                Component.onCompleted: currentIndex = indexOfValue(Formatter.calendar)
                onActivated: Formatter.calendar = currentValue
            }
            KeyValue { label: qsTr("Today"); value: Session.todayText }
        }

        SectionCard {
            title: qsTr("Sign out")
            Label {
                horizontalAlignment: Text.AlignLeft
                text: Session.pendingCount > 0
                      ? qsTr("%1 changes are not synced yet. Sync before signing out.").arg(Formatter.number(Session.pendingCount))
                      : qsTr("Everything is synced.")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                color: Session.pendingCount > 0 ? Theme.hold : Theme.text
            }
            Button {
                text: qsTr("Sign out")
                enabled: Session.pendingCount === 0
                Layout.fillWidth: true
                onClicked: AppSettings.account = ""
            }
        }
    }
}
