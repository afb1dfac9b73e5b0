import QtQuick
import QtTest
import QtCharts
import Karvan

// Customer 360's purchases chart is a Qt Charts ChartView (mirrored in right-to-left
// languages); the order page's signature pad takes strokes and Clear; a saved quote opened
// from the history converts to an order on the page.
TestCase {
    id: test
    name: "Quotes"
    width: 412
    height: 915
    when: windowShown
    visible: true

    Component {
        id: customerPage
        CustomerPage { width: 412; height: 915 }
    }
    Component {
        id: orderPage
        OrderPage { width: 412; height: 2400 }
    }

    function openSampleCustomer() {
        tryCompare(Session, "ready", true, 10000)
        const customer = TestSupport.sampleCustomer()
        Session.openCustomer(customer.id)
        tryVerify(() => Session.customer.id === customer.id, 10000)
        return customer
    }

    function test_chart() {
        openSampleCustomer()
        const page = createTemporaryObject(customerPage, test)
        verify(page)
        const chart = findChild(page, "purchasesChart")
        verify(chart)
        verify(chart instanceof ChartView)
        compare(chart.count, 1)
        const series = chart.series(0)
        verify(series instanceof BarSeries)
        const months = Session.customer.monthly
        compare(months.length, 12)
        compare(series.at(0).count, months.length)
        // Oldest month on the left; the newest month is always named, under its bar.
        const axis = chart.axisX(series)
        verify(axis.categoriesLabels.length >= 4)
        compare(axis.categoriesLabels[axis.categoriesLabels.length - 1], months[11].label)
        // The value axis names zero and the best month's amount, as the Formatter wrote them.
        const best = months.reduce((a, b) => b.fraction > a.fraction ? b : a)
        compare(Array.from(chart.axisY(series).categoriesLabels), [Formatter.number(0), best.amount])
        compare(series.at(0).at(0), months[0].fraction)
        verify(series.axisY !== null) // the value axis on the left
        compare(series.axisYRight, null)
        // Some month has purchases: its bar is drawn at its share of the best month.
        verify(months.some(m => m.fraction > 0))
        for (let i = 0; i < months.length; ++i)
            compare(series.at(0).at(i), months[i].fraction)
    }

    function test_chart_mirrored() {
        openSampleCustomer()
        Formatter.language = "ar"
        const page = createTemporaryObject(customerPage, test)
        const chart = findChild(page, "purchasesChart")
        const series = chart.series(0)
        const axis = chart.axisX(series)
        // Time runs right to left: the newest month on the left, the oldest on the right,
        // month names in the app's language (the Formatter's), the value axis on the right.
        const months = Session.customer.monthly
        compare(axis.categoriesLabels[0], months[11].label)
        compare(series.at(0).at(0), months[11].fraction)
        compare(series.at(0).at(11), months[0].fraction)
        verify(series.axisYRight !== null)
        compare(series.axisY, null)
        // Back to a left-to-right language: the chart is built anew, the oldest month left.
        Formatter.language = "en"
        const ltr = findChild(page, "purchasesChart")
        verify(ltr !== chart)
        const ltrLabels = ltr.axisX(ltr.series(0)).categoriesLabels
        compare(ltrLabels[ltrLabels.length - 1], months[11].label)
        compare(ltr.series(0).at(0).at(0), months[0].fraction)
        compare(ltr.series(0).axisYRight, null)
    }

    function test_history_opens_documents() {
        openSampleCustomer()
        Session.order.view.close()
        const page = createTemporaryObject(customerPage, test)
        const navigated = signalSpy.createObject(test, { target: page, signalName: "navigate" })
        const doc = Session.customer.history.find(h => !!h.documentId)
        verify(doc)
        const row = findChild(page, "historyDocument_" + doc.documentId)
        verify(row)
        page.contentY = Math.min(row.mapToItem(page.contentItem, 0, 0).y,
                                 page.contentHeight - page.height)
        wait(50)
        mouseClick(row)
        compare(navigated.count, 1)
        compare(navigated.signalArguments[0][0], "order")
        tryCompare(Session.order.view, "loaded", true, 10000)
        compare(Session.order.view.documentId, doc.documentId)
        Session.order.view.close()
    }
    Component {
        id: signalSpy
        SignalSpy { }
    }

    function fillOrder(quote) {
        openSampleCustomer()
        const customer = TestSupport.sampleCustomer()
        const products = TestSupport.sampleProducts(1)
        Session.order.view.close()
        Session.order.quote = quote
        Session.order.setCustomer(customer.id, customer.name)
        Session.order.clear()
        Session.order.addLine(products[0].sku, products[0].unit, "2")
        tryCompare(Session.order, "canSubmit", true, 10000)
    }

    function test_signature_pad() {
        fillOrder(false)
        const page = createTemporaryObject(orderPage, test)
        verify(page)
        const card = findChild(page, "signatureCard")
        verify(card.visible)
        const input = findChild(page, "signatureInput")
        verify(input)
        compare(Session.order.hasSignature, false)
        mousePress(input, 20, 20)
        for (let i = 1; i <= 10; ++i)
            mouseMove(input, 20 + i * 20, i % 2 === 0 ? 20 : 80, -1, Qt.LeftButton)
        mouseRelease(input, 220, 80)
        tryCompare(Session.order, "hasSignature", true, 5000)
        const clear = findChild(page, "signatureClear")
        verify(clear.enabled)
        mouseClick(clear)
        compare(Session.order.hasSignature, false)
        verify(!clear.enabled)

        // Signed, then submitted: the banner says so, with the thumbnail.
        mousePress(input, 30, 30)
        mouseMove(input, 120, 90, -1, Qt.LeftButton)
        mouseRelease(input, 200, 40)
        tryCompare(Session.order, "hasSignature", true, 5000)
        mouseClick(findChild(page, "submitButton"))
        tryVerify(() => Session.order.savedId.length > 0, 10000)
        tryVerify(() => Session.order.savedSignature.length > 0, 10000)
        const signed = findChild(page, "savedSigned")
        verify(signed.visible)
        const image = findChild(page, "savedSignatureImage")
        tryCompare(image, "status", Image.Ready, 5000)
        verify(image.sourceSize.width > 0)
        compare(Session.order.hasSignature, false)
    }

    function test_quote_converted_on_the_page() {
        fillOrder(true)
        Session.order.submit()
        tryVerify(() => Session.order.savedId.length > 0, 10000)
        const quoteId = Session.order.savedId
        const page = createTemporaryObject(orderPage, test)
        Session.order.view.open(quoteId)
        tryCompare(Session.order.view, "loaded", true, 10000)
        verify(findChild(page, "documentView").visible)
        verify(!findChild(page, "submitButton").visible)
        verify(findChild(page, "shareButton").visible)
        const convert = findChild(page, "convertButton")
        verify(convert.visible)
        mouseClick(convert)
        tryCompare(Session.order.view, "quote", false, 10000)
        verify(Session.order.view.notice.length > 0)
        compare(Session.order.view.actionError, "")
        verify(!findChild(page, "convertButton").visible)
        // The quote, opened again, says why it cannot be converted twice.
        Session.order.view.open(quoteId)
        tryCompare(Session.order.view, "quote", true, 10000)
        const reason = findChild(page, "notConvertibleReason")
        verify(reason.visible)
        verify(reason.text.length > 0)
        verify(!findChild(page, "convertButton").visible)
        mouseClick(findChild(page, "documentClose"))
        compare(Session.order.view.loaded, false)
        verify(findChild(page, "submitButton").visible)
    }
}
