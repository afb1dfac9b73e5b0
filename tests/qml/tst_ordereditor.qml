import QtQuick
import QtTest
import Karvan

// The order editor shows what OrderService computes, and warns before submitting.
TestCase {
    id: test
    name: "OrderEditor"
    width: 412
    height: 915
    when: windowShown
    visible: true // TestCase is invisible by default; pages must be visible to get clicks

    Component {
        id: pageComponent
        OrderPage { width: 412; height: 915 }
    }

    function fill(customer, products, quantities) {
        tryCompare(Session, "ready", true, 10000)
        Session.order.quote = false
        Session.order.setCustomer(customer.id, customer.name)
        Session.order.clear()
        for (let i = 0; i < quantities.length; ++i)
            Session.order.addLine(products[i].sku, products[i].unit, quantities[i])
        tryCompare(Session.order, "checking", false, 10000)
        compare(Session.order.error, "")
    }

    function expected(customer, products, quantities) {
        const n = quantities.length
        return TestSupport.expectedOrder(customer.id, products.slice(0, n).map(p => p.sku),
                                         products.slice(0, n).map(p => p.unit), quantities)
    }

    function test_totals_data() {
        return [
            { tag: "one line", quantities: ["3"] },
            { tag: "two lines", quantities: ["1", "12"] },
            { tag: "three lines, volume", quantities: ["24", "2", "48"] },
        ]
    }

    function test_totals(data) {
        const customer = TestSupport.sampleCustomer()
        const products = TestSupport.sampleProducts(3)
        fill(customer, products, data.quantities)
        const want = expected(customer, products, data.quantities)
        const page = createTemporaryObject(pageComponent, test)
        verify(page)
        compare(Session.order.lines.count, data.quantities.length)
        compare(Session.order.totalMinor, want.totalMinor)
        const total = findChild(page, "orderTotal")
        verify(total)
        compare(total.value, want.total)
        compare(findChild(page, "warningsCard").visible, want.warnings > 0)
    }

    function test_warnings_data() {
        return [
            { tag: "credit hold", hold: true, quantities: ["1"] },
            { tag: "stock shortfall", hold: false, quantities: ["100000"] },
        ]
    }

    function test_warnings(data) {
        const customer = data.hold ? TestSupport.holdCustomer() : TestSupport.sampleCustomer()
        const products = TestSupport.sampleProducts(1)
        fill(customer, products, data.quantities)
        const want = expected(customer, products, data.quantities)
        compare(Session.order.creditHold, want.hold)
        compare(Session.order.stockShortfall, want.shortfall)
        if (data.hold)
            verify(Session.order.creditHold)
        else
            verify(Session.order.stockShortfall)
        const page = createTemporaryObject(pageComponent, test)
        const card = findChild(page, "warningsCard")
        verify(card.visible)
        compare(Session.order.warnings.length, want.warnings)
        // A hold or a shortfall warns but does not block: HQ decides.
        verify(findChild(page, "submitButton").enabled)
    }

    function test_submit_saves_locally() {
        const customer = TestSupport.sampleCustomer()
        const products = TestSupport.sampleProducts(1)
        fill(customer, products, ["2"])
        const pendingBefore = Session.pendingCount
        const page = createTemporaryObject(pageComponent, test)
        const submit = findChild(page, "submitButton")
        verify(submit.enabled)
        mouseClick(submit)
        tryVerify(() => Session.order.savedId.length > 0, 10000)
        tryCompare(Session, "pendingCount", pendingBefore + 1, 10000)
        verify(findChild(page, "savedBanner").visible)
        compare(Session.order.lines.count, 0)
    }
}
