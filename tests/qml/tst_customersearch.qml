import QtQuick
import QtTest
import Karvan

// Typing in the customer search filters the list; a Persian name typed with Arabic letter
// forms (ي for ی, ك for ک) still finds the customer.
TestCase {
    id: test
    name: "CustomerSearch"
    width: 412
    height: 800
    when: windowShown
    visible: true // TestCase is invisible by default; pages must be visible to get clicks

    Component {
        id: pageComponent
        CustomersPage { width: 412; height: 800 }
    }

    function names() {
        const out = []
        for (let i = 0; i < Session.customers.count; ++i)
            out.push(Session.customers.get(i).name)
        return out
    }

    function settle() {
        wait(60) // the debounce
        tryCompare(Session, "busy", false, 10000)
    }

    function test_typing_filters_data() {
        return [
            { tag: "English, lower case", language: "en", keys: true },
            { tag: "Turkish without dots and cedillas", language: "tr", keys: true },
            { tag: "Vietnamese without tones", language: "vi", keys: true },
            { tag: "Persian typed with Arabic letters", language: "fa", keys: false },
        ]
    }

    function test_typing_filters(data) {
        tryCompare(Session, "ready", true, 10000)
        const target = TestSupport.customerTypedLike(data.language)
        verify(target.typed, "no demo customer for " + data.language)
        const page = createTemporaryObject(pageComponent, test)
        const field = findChild(page, "customerSearch")
        const list = findChild(page, "customerList")
        field.forceActiveFocus()
        field.selectAll()
        keyClick(Qt.Key_Backspace)
        settle()
        const unfiltered = Session.customers.count
        verify(unfiltered > 10)
        // Latin text through real key presses; other scripts as an input method commits them.
        for (const ch of target.typed) {
            if (data.keys)
                keyClick(ch)
            else
                field.insert(field.cursorPosition, ch)
        }
        compare(field.text, target.typed)
        settle()
        compare(Session.customerQuery, target.typed)
        verify(Session.customers.count < unfiltered)
        verify(names().indexOf(target.name) >= 0, target.typed + " did not find " + target.name)
        compare(list.count, Session.customers.count)
    }

    function test_stale_results_are_dropped() {
        tryCompare(Session, "ready", true, 10000)
        const target = TestSupport.customerTypedLike("en")
        // Many searches in a row: only the last one may land in the list.
        for (let i = 1; i <= target.typed.length; ++i)
            Session.searchCustomers(target.typed.substring(0, i))
        settle()
        compare(Session.customerQuery, target.typed)
        verify(names().indexOf(target.name) >= 0)
    }
}
