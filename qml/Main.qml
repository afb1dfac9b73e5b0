import QtQuick
import QtQuick.Controls
import Karvan

// The window: picks the form factor (phone or tablet folder) by width, or the kiosk, and
// mirrors everything for right-to-left languages.
ApplicationWindow {
    id: root
    width: 412
    height: 915
    visible: true
    title: qsTr("Karvan")
    color: Theme.background
    font.family: Formatter.fontFamily
    font.pixelSize: 15
    locale: Qt.locale(Formatter.language)

    LayoutMirroring.enabled: Qt.application.layoutDirection === Qt.RightToLeft
    LayoutMirroring.childrenInherit: true

    palette.window: Theme.background
    palette.base: Theme.card
    palette.text: Theme.text
    palette.windowText: Theme.text
    palette.buttonText: Theme.primary
    palette.button: "#E3ECEA"
    palette.dark: Theme.primary
    palette.mid: "#B5C4C0"
    palette.highlight: Theme.primary
    palette.highlightedText: "white"
    palette.brightText: "white"

    readonly property bool tablet: width >= 900
    readonly property var pageNames: ["today", "customers", "customer", "catalog", "order",
        "tickets", "activities", "sync", "settings", "kiosk"]
    property string currentPage: AppSettings.kiosk ? "kiosk" : "today"

    function showPage(name) {
        root.currentPage = name
    }

    Loader {
        id: shell
        anchors.fill: parent
        sourceComponent: root.currentPage === "kiosk" || AppSettings.kioskMode ? kioskShell
                       : root.tablet ? tabletShell : phoneShell
    }

    Component {
        id: phoneShell
        PhoneShell {
            page: root.currentPage
            onNavigate: (name) => root.showPage(name)
        }
    }
    Component {
        id: tabletShell
        TabletShell {
            page: root.currentPage
            onNavigate: (name) => root.showPage(name)
        }
    }
    Component {
        id: kioskShell
        KioskShell {
            onExitRequested: AppSettings.kiosk ? Qt.quit() : root.showPage("today")
        }
    }

    // A language switch rebuilds the shell, so every formatted figure is redone.
    Connections {
        target: Formatter
        function onLanguageChanged() {
            shell.active = false
            shell.active = true
        }
    }
}
