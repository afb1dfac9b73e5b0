pragma Singleton
import QtQuick

// Colours and sizes shared by every page; readable in the sun: strong contrast, large type.
QtObject {
    readonly property color primary: "#00695C"
    readonly property color accent: "#F57C00"
    readonly property color background: "#F4F6F5"
    readonly property color card: "#FFFFFF"
    readonly property color text: "#1B1F1E"
    readonly property color muted: "#5F6B68"
    readonly property color ok: "#2E7D32"
    readonly property color warn: "#EF6C00"
    readonly property color hold: "#C62828"
    readonly property color divider: "#DDE3E1"
    readonly property int spacing: 12
    readonly property int radius: 10
    readonly property int touch: 48 // minimum touch target
    readonly property int kioskTouch: 88

    function creditColor(outcome) {
        return outcome === "hold" ? hold : (outcome === "warn" ? warn : ok)
    }
}
