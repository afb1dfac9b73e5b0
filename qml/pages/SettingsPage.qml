import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Karvan

// Settings: server and account (sign in to HQ), language, calendar; sign out only when
// everything is synced.
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
            objectName: "accountCard"
            title: qsTr("Account")
            KeyValue {
                objectName: "signedInAs"
                visible: Session.signedIn
                label: qsTr("Signed in as")
                value: Session.account
            }
            KeyValue {
                visible: Session.signedIn
                label: qsTr("Server")
                value: Session.serverUrl
            }
            Label { visible: !Session.signedIn; text: qsTr("Server") }
            TextField {
                id: serverField
                objectName: "serverField"
                visible: !Session.signedIn
                text: Session.serverUrl || AppSettings.serverUrl
                placeholderText: "https://hq.example.com"
                inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                Layout.fillWidth: true
            }
            Label { visible: !Session.signedIn; text: qsTr("Login") }
            TextField {
                id: loginField
                objectName: "loginField"
                visible: !Session.signedIn
                text: Session.account || AppSettings.account
                inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
                Layout.fillWidth: true
            }
            Label { visible: !Session.signedIn; text: qsTr("Password") }
            TextField {
                id: passwordField
                objectName: "passwordField"
                visible: !Session.signedIn
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                Layout.fillWidth: true
                onAccepted: signInButton.clicked()
            }
            Label {
                objectName: "signInError"
                visible: Session.signInError.length > 0
                text: Session.signInError
                color: Theme.hold
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignLeft
                Layout.fillWidth: true
            }
            Button {
                id: signInButton
                objectName: "signInButton"
                visible: !Session.signedIn
                text: Session.signingIn ? qsTr("Signing in…") : qsTr("Sign in")
                enabled: !Session.signingIn && serverField.text.length > 0
                         && loginField.text.length > 0 && passwordField.text.length > 0
                highlighted: true
                Layout.fillWidth: true
                onClicked: {
                    AppSettings.serverUrl = serverField.text
                    AppSettings.account = loginField.text
                    Session.signIn(serverField.text, loginField.text, passwordField.text)
                    passwordField.clear()
                }
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
            objectName: "signOutCard"
            title: qsTr("Sign out")
            visible: Session.signedIn
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
                objectName: "signOutButton"
                text: qsTr("Sign out")
                enabled: Session.pendingCount === 0 && !Session.syncing
                Layout.fillWidth: true
                onClicked: Session.signOut()
            }
        }
    }
}
