import QtQuick
import QtTest
import Karvan

// Kiosk: idle reset to the start screen, and exit only with the staff PIN.
TestCase {
    id: test
    name: "Kiosk"
    // Small enough to fit any test window, so clicks land inside it.
    width: 400
    height: 400
    when: windowShown
    visible: true // TestCase is invisible by default; pages must be visible to get clicks

    Component {
        id: kioskComponent
        KioskShell { width: 400; height: 400 }
    }
    Component {
        id: spyComponent
        SignalSpy { }
    }

    function init() {
        tryCompare(Session, "ready", true, 10000)
        AppSettings.kioskIdleSeconds = 1
        // The shop's walk-in account, as a store configures it.
        AppSettings.kioskCustomerId = TestSupport.sampleCustomer().id
    }

    function test_idle_reset() {
        const kiosk = createTemporaryObject(kioskComponent, test)
        mouseClick(findChild(kiosk, "startButton"))
        compare(kiosk.stage, "shopping")
        const product = TestSupport.sampleProducts(1)[0]
        Session.order.addLine(product.sku, product.unit, "2")
        tryCompare(Session.order.lines, "count", 1, 5000)
        tryCompare(kiosk, "stage", "start", 4000)
        compare(Session.order.lines.count, 0)
    }

    function test_touch_postpones_reset() {
        const kiosk = createTemporaryObject(kioskComponent, test)
        kiosk.begin()
        for (let i = 0; i < 4; ++i) {
            wait(500)
            mouseClick(kiosk, 200, 200) // a touch anywhere counts
            compare(kiosk.stage, "shopping")
        }
        tryCompare(kiosk, "stage", "start", 4000)
    }

    function test_pin_exit_data() {
        return [
            { tag: "wrong PIN stays", pin: "1234", exits: false },
            { tag: "empty PIN stays", pin: "", exits: false },
            { tag: "right PIN exits", pin: "0000", exits: true },
            { tag: "right PIN in Persian digits exits", pin: "۰۰۰۰", exits: true },
        ]
    }

    function test_pin_exit(data) {
        AppSettings.kioskIdleSeconds = 60
        const kiosk = createTemporaryObject(kioskComponent, test)
        const spy = createTemporaryObject(spyComponent, test,
                                          { target: kiosk, signalName: "exitRequested" })
        kiosk.begin()
        compare(kiosk.tryExit(data.pin), data.exits)
        compare(spy.count, data.exits ? 1 : 0)
    }
}
