import QtQuick
import QtTest
import Karvan

// Conflict review on the Sync page: a conflict seeded in the store shows its field, base,
// theirs and mine; "Keep theirs" only resolves it; "Re-apply mine" writes a new customer edit
// with a fresh HLC and resolves it.
TestCase {
    id: test
    name: "ConflictReview"
    width: 412
    height: 900
    when: windowShown
    visible: true

    Component {
        id: pageComponent
        SyncPage { width: 412; height: 900 }
    }

    function settle() {
        tryCompare(Session, "busy", false, 10000)
    }

    function rowFor(id) {
        for (let i = 0; i < Session.conflicts.count; ++i) {
            if (Session.conflicts.get(i).conflictId === id)
                return Session.conflicts.get(i)
        }
        return null
    }

    function seedAndShow(theirs, mine) {
        tryCompare(Session, "ready", true, 10000)
        const seeded = TestSupport.seedConflict(theirs, mine)
        verify(seeded.id, "seeding failed: " + seeded.error)
        Session.notifyStoreChanged()
        settle()
        const page = createTemporaryObject(pageComponent, test)
        const item = findChild(page, "conflict_" + seeded.id)
        verify(item, "the conflict is not on the page")
        waitForRendering(page)
        return { seeded: seeded, page: page, item: item }
    }

    function test_keep_theirs() {
        const s = seedAndShow("+90 212 000 1111", "+90 555 000 2222")
        const row = rowFor(s.seeded.id)
        compare(row.field, "phone")
        compare(row.fieldLabel, "Phone")
        compare(row.theirs, "+90 212 000 1111")
        compare(row.mine, "+90 555 000 2222")
        verify(row.base.length > 0)
        verify(Session.conflictCount >= 1)
        const before = TestSupport.conflictState(s.seeded.id)
        compare(before.resolution, "")

        const keep = findChild(s.item, "keepTheirs")
        mouseClick(keep)
        settle()
        const after = TestSupport.conflictState(s.seeded.id)
        compare(after.resolution, "keep_theirs")
        compare(after.phone, "+90 212 000 1111")
        compare(after.updates, before.updates) // nothing sent
        verify(!after.stamped)
        compare(rowFor(s.seeded.id), null)
    }

    function test_reapply_mine() {
        const s = seedAndShow("+90 212 000 3333", "+90 555 000 4444")
        const before = TestSupport.conflictState(s.seeded.id)
        const count = Session.conflictCount

        mouseClick(findChild(s.item, "reapplyMine"))
        settle()
        const after = TestSupport.conflictState(s.seeded.id)
        compare(after.resolution, "reapply_mine")
        compare(after.phone, "+90 555 000 4444")
        compare(after.updates, before.updates + 1) // one new edit in the outbox
        verify(after.stamped) // with a fresh HLC, newer than theirs
        compare(rowFor(s.seeded.id), null)
        compare(Session.conflictCount, count - 1)
    }
}
