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
}
