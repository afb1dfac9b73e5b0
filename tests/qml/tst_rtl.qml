import QtQuick
import QtTest
import Karvan

// Right-to-left mirroring: in fa, ar and he a row's first item sits on the right.
TestCase {
    id: test
    name: "RightToLeft"
    when: windowShown

    Component {
        id: windowComponent
        Main { width: 412; height: 915 }
    }

    function test_row_order_data() {
        return [
            { tag: "en", rtl: false },
            { tag: "fa", rtl: true },
            { tag: "ar", rtl: true },
            { tag: "he", rtl: true },
            { tag: "tr", rtl: false },
            { tag: "vi", rtl: false },
        ]
    }

    function test_row_order(data) {
        tryCompare(Session, "ready", true, 10000)
        const win = createTemporaryObject(windowComponent, test)
        verify(win)
        Formatter.language = data.tag
        compare(Qt.application.layoutDirection === Qt.RightToLeft, data.rtl)
        win.showPage("customers")
        Session.searchCustomers("")
        tryCompare(Session, "busy", false, 10000)
        let field = null
        tryVerify(() => (field = findChild(win.contentItem, "customerSearch")) !== null, 5000)
        const name = findChild(win.contentItem, "customerName")
        verify(name, "no customer row")
        waitForRendering(win.contentItem)
        // The search field comes first in its row, the "New" button second.
        const fieldX = field.mapToItem(null, 0, 0).x
        const buttonX = field.parent.children[1].mapToItem(null, 0, 0).x
        if (data.rtl) {
            verify(fieldX > buttonX, "search field should be right of the button")
            verify(name.mapToItem(null, name.width, 0).x > win.width / 2)
        } else {
            verify(fieldX < buttonX, "search field should be left of the button")
            verify(name.mapToItem(null, 0, 0).x < win.width / 2)
        }
        Formatter.language = "en"
    }

    // Settings shows the language and calendar in use, also after the language changes.
    function test_settings_show_language_data() {
        return [
            { tag: "fa", calendar: "jalali" },
            { tag: "ar", calendar: "gregorian" },
        ]
    }

    function test_settings_show_language(data) {
        tryCompare(Session, "ready", true, 10000)
        const win = createTemporaryObject(windowComponent, test)
        verify(win)
        win.showPage("settings")
        // Changing the language rebuilds the pages (mirroring): look the boxes up afterwards.
        const boxes = () => [findChild(win.contentItem, "languageBox"),
                             findChild(win.contentItem, "calendarBox")]
        tryVerify(() => boxes()[0] !== null, 5000)
        Formatter.language = data.tag
        let box = null, calendar = null
        tryVerify(() => { [box, calendar] = boxes(); return box !== null && calendar !== null }, 5000)
        verify(box.displayText !== "English", "the language box still says English")
        compare(box.displayText, Formatter.languageName(data.tag))
        compare(box.currentIndex, Formatter.languages.indexOf(data.tag))
        compare(calendar.currentValue, data.calendar)
        Formatter.language = "en"
        tryVerify(() => { [box, calendar] = boxes(); return box !== null && calendar !== null }, 5000)
        compare(box.displayText, "English")
        compare(calendar.currentValue, "gregorian")
    }
}
