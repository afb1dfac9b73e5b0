import QtQuick
import QtTest
import Karvan

// "Add photo" on the Activities page without a camera (offscreen): a picture file picked
// (handed to the page's ActivityPhoto as the file dialog would) is scaled to at most 1600 px
// and re-encoded as JPEG, previewed, and saved with the activity: the activity, its photo and
// two outbox mutations; Customer 360's timeline marks the activity. A file that cannot be read
// shows an error.
TestCase {
    id: test
    name: "ActivityPhoto"
    width: 412
    height: 900
    when: windowShown
    visible: true

    Component {
        id: pageComponent
        ActivitiesPage { width: 412; height: 900 }
    }

    function settle() {
        tryCompare(Session, "busy", false, 10000)
    }

    function openPage() {
        tryCompare(Session, "ready", true, 10000)
        const customer = TestSupport.sampleCustomer()
        verify(customer.id)
        Session.openCustomer(customer.id)
        settle()
        tryVerify(() => Session.customer.id === customer.id, 10000)
        const page = createTemporaryObject(pageComponent, test)
        verify(page)
        verify(!page.hasCamera, "offscreen has no camera")
        return page
    }

    function test_photo_is_scaled_previewed_and_saved_with_the_activity() {
        const page = openPage()
        const photo = page.photo
        const file = TestSupport.writePicture("shelf.png", 3200, 2400)
        verify(file.length > 0)
        const addButton = findChild(page, "addPhoto")
        compare(addButton.text, "Add photo")

        photo.loadFile("file://" + file)
        tryCompare(photo, "ready", true, 10000)
        compare(photo.error, "")
        compare(photo.size.width, 1600)
        compare(photo.size.height, 1200)
        verify(photo.bytes > 0 && photo.bytes < 2 * 1024 * 1024)
        const preview = findChild(page, "photoPreview")
        verify(preview.visible)
        tryCompare(preview, "status", Image.Ready, 10000)
        compare(addButton.text, "Replace photo")
        const save = findChild(page, "saveActivity")
        compare(save.text, "Save with photo")

        const pendingBefore = Session.pendingCount
        const saved = signalSpy.createObject(test, { target: photo, signalName: "activitySaved" })
        photo.saveActivity(Session.customer.id, "visit", "Shelf photo", "", 10)
        saved.wait(10000)
        settle()
        const activityId = saved.signalArguments[0][0]
        compare(saved.signalArguments[0][1], true)
        const stored = TestSupport.activityPhotos(activityId)
        compare(stored.photoPath, "shelf.png")
        compare(stored.photos.length, 1)
        compare(stored.photos[0].mime, "image/jpeg")
        compare(stored.photos[0].width, 1600)
        compare(stored.photos[0].height, 1200)
        compare(stored.mutations, 1)
        compare(stored.sha256s[0], stored.photos[0].sha256)
        tryCompare(Session, "pendingCount", pendingBefore + 2, 10000)
        // The draft is cleared for the next activity; the timeline marks this one.
        verify(!photo.ready)
        compare(save.text, "Save")
        tryVerify(() => Session.customer.activities.length > 0
                  && Session.customer.activities.some(a => a.subject === "Shelf photo" && a.hasPhoto),
                  10000)
    }

    function test_missing_file_is_refused() {
        const page = openPage()
        const photo = page.photo
        const file = TestSupport.writePicture("fine.png", 40, 30)
        photo.loadFile("file://" + file + ".missing")
        tryVerify(() => photo.error.length > 0, 10000)
        verify(!photo.ready)
        photo.loadFile("file://" + file)
        tryCompare(photo, "ready", true, 10000)
        // A small picture is not scaled up.
        compare(photo.size.width, 40)
        compare(photo.size.height, 30)
        photo.clear()
        verify(!photo.ready)
        compare(findChild(page, "saveActivity").text, "Save")
    }

    Component {
        id: signalSpy
        SignalSpy { }
    }
}
