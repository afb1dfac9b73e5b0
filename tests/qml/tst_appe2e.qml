import QtQuick
import QtTest
import Karvan

// The app against the real karvan-hq (tst_appe2e.cpp starts it with the small demo company):
// sign in on the Settings page, the initial sync fills the device, HQ goes away, an order is
// taken on the order page and waits on the device, a sync attempt offline fails and keeps it,
// HQ comes back, "Sync now" on the Sync page sends it, and the order page shows HQ's number
// and decision, the same as HQ's own API says.
TestCase {
    id: test
    name: "AppEndToEnd"
    width: 412
    height: 915
    when: windowShown
    visible: true

    Component { id: settingsComponent; SettingsPage { width: 412; height: 915 } }
    Component { id: orderComponent; OrderPage { width: 412; height: 915 } }
    Component { id: syncComponent; SyncPage { width: 412; height: 915 } }

    function waitForSync() {
        tryVerify(() => !Session.syncing && !Session.signingIn && !Session.busy, 60000)
    }

    function test_1_signInAndInitialSync() {
        tryCompare(Session, "ready", true, 10000)
        verify(!Session.signedIn)
        compare(Session.lastSync, "never")
        const page = createTemporaryObject(settingsComponent, test)
        verify(page)
        const server = findChild(page, "serverField")
        const login = findChild(page, "loginField")
        const password = findChild(page, "passwordField")
        const signIn = findChild(page, "signInButton")
        verify(server.visible && login.visible && password.visible)
        verify(!signIn.enabled) // nothing typed yet

        // A wrong password is refused and stores nothing.
        server.text = Hq.url
        login.text = Hq.login
        password.text = "not-the-password"
        verify(signIn.enabled)
        mouseClick(signIn)
        tryCompare(Session, "signingIn", false, 20000)
        verify(!Session.signedIn)
        compare(findChild(page, "signInError").text, "Wrong login or password")

        password.text = "demo"
        mouseClick(signIn)
        tryCompare(Session, "signedIn", true, 20000)
        waitForSync()
        compare(Session.syncError, "")
        verify(Session.lastSync !== "never")
        compare(Session.account, Hq.login)
        compare(Session.userName, Hq.login)
        compare(findChild(page, "signedInAs").value, Hq.login)
        verify(!findChild(page, "serverField").visible)

        // The device now holds the rep's customers from HQ.
        Session.searchCustomers("")
        tryVerify(() => !Session.busy && Session.customers.count > 0, 10000)
        compare(Session.pendingCount, 0)
    }

    function test_2_orderOfflineThenSyncedShowsHqStatus() {
        verify(Session.signedIn)
        const fixture = Hq.orderFixture()
        verify(fixture.customerId, "a synced customer with a credit limit")
        verify(fixture.sku, "a synced, stocked product")

        // HQ is down: the rep keeps working.
        verify(Hq.stop())

        const page = createTemporaryObject(orderComponent, test)
        verify(page)
        Session.order.quote = false
        Session.order.setCustomer(fixture.customerId, fixture.customerName)
        Session.order.clear()
        const search = findChild(page, "productSearch")
        tryCompare(search, "visible", true)
        search.forceActiveFocus()
        tryCompare(search, "activeFocus", true)
        for (const c of fixture.sku)
            keyClick(c)
        compare(search.text, fixture.sku)
        let pick = null
        tryVerify(() => {
            pick = findChild(page, "productPick_" + fixture.sku)
            return pick !== null && pick.visible && pick.height > 0
        }, 10000)
        mouseClick(pick)
        tryCompare(Session.order.lines, "count", 1, 10000)
        tryCompare(Session.order, "canSubmit", true, 10000)
        const submit = findChild(page, "submitButton")
        page.contentY = Math.max(0, page.contentHeight - page.height) // the button is at the end
        wait(50)
        mouseClick(submit)
        tryVerify(() => Session.order.savedId.length > 0, 10000)
        const savedId = Session.order.savedId
        const banner = findChild(page, "savedBanner")
        verify(banner.visible)
        tryCompare(Session.order, "savedStatus", "pending_sync", 10000)
        compare(findChild(page, "savedText").text, "Saved on this device, waiting to sync")
        tryCompare(Session, "pendingCount", 1, 10000)

        // Signing out is refused while it waits: on the Settings page and in the session.
        const settings = createTemporaryObject(settingsComponent, test)
        verify(!findChild(settings, "signOutButton").enabled)
        Session.signOut()
        tryVerify(() => !Session.busy, 10000)
        verify(Session.signedIn)
        compare(Session.signInError, "1 changes are not synced yet. Sync before signing out.")
        settings.destroy()

        // The Sync page lists it as waiting; a sync while HQ is down fails and keeps it.
        const syncPage = createTemporaryObject(syncComponent, test)
        verify(syncPage)
        compare(findChild(syncPage, "pendingValue").value, "1")
        tryCompare(findChild(syncPage, "outboxList"), "count", 1, 10000)
        const syncNow = findChild(syncPage, "syncNowButton")
        verify(syncNow.enabled)
        mouseClick(syncNow)
        waitForSync()
        verify(Session.syncError.length > 0)
        verify(findChild(syncPage, "syncSummary").text.startsWith("Sync failed: "))
        compare(Session.pendingCount, 1)
        compare(Session.order.savedStatus, "pending_sync")

        // HQ is back: Sync now sends the order, and HQ's answer comes back.
        verify(Hq.start(), Hq.error)
        tryCompare(syncNow, "enabled", true, 10000)
        mouseClick(syncNow)
        waitForSync()
        compare(Session.syncError, "")
        tryCompare(Session, "pendingCount", 0, 10000)
        compare(findChild(syncPage, "pendingValue").value, "0")
        verify(findChild(syncPage, "syncSummary").text.startsWith("Sent 1 changes (0 rejected)"))

        // The order page shows HQ's decision and number, the same as HQ's own API.
        tryVerify(() => !Session.order.savedPending, 10000)
        compare(Session.order.savedId, savedId)
        const atHq = Hq.order(savedId)
        verify(atHq.status, "HQ knows the order")
        compare(Session.order.savedStatus, atHq.status)
        compare(Session.order.savedNumber, atHq.number)
        verify(atHq.number.length > 0)
        verify(["confirmed", "credit_hold", "backordered", "partially_allocated", "rejected"]
               .indexOf(atHq.status) >= 0, atHq.status)
        console.log("the order page after sync: " + findChild(page, "savedText").text)
        const labels = {
            "confirmed": "Confirmed", "credit_hold": "Credit hold", "backordered": "Backordered",
            "partially_allocated": "Partly allocated", "rejected": "Rejected"
        }
        verify(findChild(page, "savedText").text.startsWith(
                   atHq.number + " at HQ: " + labels[atHq.status]),
               findChild(page, "savedText").text)
    }
}
