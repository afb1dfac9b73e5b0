import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import Karvan

// Settings: server, its CA file and account (sign in to HQ), automatic sync, language,
// calendar, the kiosk PIN and kiosk mode; sign out only when everything is synced.
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
            // A self-hosted HQ's certificate authority (PEM): typed, or chosen with the picker.
            Label { visible: !Session.signedIn; text: qsTr("HQ's certificate file (optional)") }
            RowLayout {
                visible: !Session.signedIn
                Layout.fillWidth: true
                TextField {
                    id: caFileField
                    objectName: "caFileField"
                    text: AppSettings.caFile
                    placeholderText: qsTr("/path/to/ca.pem")
                    inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
                    Layout.fillWidth: true
                }
                Button {
                    objectName: "caFileBrowse"
                    text: qsTr("Choose…")
                    onClicked: caFileDialog.open()
                }
            }
            FileDialog {
                id: caFileDialog
                title: qsTr("HQ's certificate file")
                nameFilters: [qsTr("Certificates (*.pem *.crt)"), qsTr("All files (*)")]
                onAccepted: {
                    const url = selectedFile.toString()
                    caFileField.text = url.startsWith("file://") ? decodeURIComponent(url.substring(7)) : url
                }
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
            Label {
                objectName: "signInErrorDetail"
                visible: Session.signInErrorDetail.length > 0
                text: Session.signInErrorDetail
                color: Theme.muted
                font.pixelSize: 12
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
                    AppSettings.caFile = caFileField.text
                    Session.signIn(serverField.text, loginField.text, passwordField.text,
                                   caFileField.text.trim())
                    passwordField.clear()
                }
            }
        }

        SectionCard {
            objectName: "autoSyncCard"
            title: qsTr("Automatic sync")
            Label {
                text: qsTr("Sync every (minutes, 0 = off)")
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignLeft
                Layout.fillWidth: true
            }
            SpinBox {
                objectName: "syncIntervalBox"
                from: 0
                to: 1440
                editable: true
                value: AppSettings.syncIntervalMinutes
                textFromValue: (value) => Formatter.number(value)
                valueFromText: (text) => parseInt(Formatter.asciiDigits(text)) || 0
                onValueModified: AppSettings.syncIntervalMinutes = value
                Layout.fillWidth: true
            }
            Text {
                text: qsTr("Also syncs when the app starts, shortly after you save a change, and when the network comes back.")
                color: Theme.muted
                font.pixelSize: 13
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignLeft
                Layout.fillWidth: true
            }
        }

        SectionCard {
            title: qsTr("Language")
            ComboBox {
                id: language
                objectName: "languageBox"
                Layout.fillWidth: true
                model: Formatter.languages
                displayText: Formatter.languageName(Formatter.language)
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
                id: calendarBox
                objectName: "calendarBox"
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
                // A language brings its own calendar (Persian: Jalali).
                Connections {
                    target: Formatter
                    function onCalendarChanged() {
                        calendarBox.currentIndex = calendarBox.indexOfValue(Formatter.calendar)
                    }
                }
            }
            KeyValue { label: qsTr("Today"); value: Session.todayText }
        }

        SectionCard {
            id: kioskCard
            objectName: "kioskCard"
            title: qsTr("Kiosk mode")
            property string message: ""
            property bool failed: false
            function savePin() {
                const error = AppSettings.changeKioskPin(currentPinField.text, newPinField.text,
                                                         repeatPinField.text)
                kioskCard.failed = error.length > 0
                kioskCard.message = error.length > 0 ? error : qsTr("The kiosk PIN is saved.")
                currentPinField.clear()
                newPinField.clear()
                repeatPinField.clear()
            }
            Text {
                text: qsTr("A self-order screen for a store. Leaving it needs the kiosk PIN (4 to 8 digits).")
                color: Theme.muted
                font.pixelSize: 13
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignLeft
                Layout.fillWidth: true
            }
            Label { visible: AppSettings.kioskPinSet; text: qsTr("Current PIN") }
            TextField {
                id: currentPinField
                objectName: "currentPinField"
                visible: AppSettings.kioskPinSet
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData
                Layout.fillWidth: true
            }
            Label { text: AppSettings.kioskPinSet ? qsTr("New PIN") : qsTr("PIN") }
            TextField {
                id: newPinField
                objectName: "newPinField"
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData
                Layout.fillWidth: true
            }
            Label { text: qsTr("The PIN again") }
            TextField {
                id: repeatPinField
                objectName: "repeatPinField"
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData
                Layout.fillWidth: true
                onAccepted: kioskCard.savePin()
            }
            Button {
                objectName: "savePinButton"
                text: AppSettings.kioskPinSet ? qsTr("Change PIN") : qsTr("Set PIN")
                enabled: newPinField.text.length > 0 && repeatPinField.text.length > 0
                Layout.fillWidth: true
                onClicked: kioskCard.savePin()
            }
            Label {
                objectName: "kioskMessage"
                visible: kioskCard.message.length > 0
                text: kioskCard.message
                color: kioskCard.failed ? Theme.hold : Theme.text
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignLeft
                Layout.fillWidth: true
            }
            Button {
                objectName: "startKioskButton"
                text: qsTr("Start kiosk mode")
                highlighted: true
                Layout.fillWidth: true
                onClicked: {
                    const error = AppSettings.startKioskMode()
                    kioskCard.failed = error.length > 0
                    kioskCard.message = error
                }
            }
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
