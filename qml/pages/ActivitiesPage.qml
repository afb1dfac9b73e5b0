import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import QtMultimedia
import Karvan

// Activities: log a visit, call or note for the open customer, with a photo if the rep takes
// one (the camera when the device has one, else an image file). The photo is scaled and
// re-encoded in C++ (ActivityPhoto, on the store thread), shown before saving, and saved with
// the activity in one transaction.
Flickable {
    id: page
    contentHeight: column.implicitHeight + 2 * Theme.spacing
    clip: true

    // Tests and tools: the photo being prepared, and whether the camera is offered. The
    // multimedia backend is only touched when the device may have a camera at all.
    readonly property alias photo: photo
    readonly property bool hasCamera: photo.cameraLikely

    ActivityPhoto {
        id: photo
        session: Session
    }

    FileDialog {
        id: fileDialog
        title: qsTr("Choose a photo")
        nameFilters: [qsTr("Images (*.jpg *.jpeg *.png)")]
        onAccepted: photo.loadFile(selectedFile)
    }

    Dialog {
        id: cameraDialog
        title: qsTr("Take a photo")
        modal: true
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(parent ? parent.width : 480, 640)
        height: Math.min(parent ? parent.height : 480, 560)
        standardButtons: Dialog.Cancel
        // The camera exists only while the dialog is open, and only when QtMultimedia lists a
        // video input: no multimedia backend is touched on a desktop without one, in CI or
        // offscreen.
        contentItem: Loader {
            active: cameraDialog.visible && page.hasCamera
            sourceComponent: ColumnLayout {
                spacing: Theme.spacing
                MediaDevices { id: mediaDevices }
                Label {
                    visible: mediaDevices.videoInputs.length === 0
                    text: qsTr("No camera found. Choose a picture file instead.")
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Button {
                    visible: mediaDevices.videoInputs.length === 0
                    text: qsTr("From a file")
                    Layout.fillWidth: true
                    Layout.preferredHeight: 48
                    onClicked: {
                        cameraDialog.close()
                        fileDialog.open()
                    }
                }
                Loader {
                    active: mediaDevices.videoInputs.length > 0
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    sourceComponent: cameraView
                }
            }
        }
    }

    Component {
        id: cameraView
        ColumnLayout {
            spacing: Theme.spacing
            CaptureSession {
                id: capture
                camera: Camera { active: true }
                imageCapture: ImageCapture {
                    id: imageCapture
                    onImageSaved: (requestId, path) => {
                        photo.loadFile(path)
                        cameraDialog.close()
                    }
                    onErrorOccurred: (requestId, error, message) => {
                        cameraError.text = message
                    }
                }
                videoOutput: viewfinder
            }
            VideoOutput {
                id: viewfinder
                Layout.fillWidth: true
                Layout.fillHeight: true
            }
            Label {
                id: cameraError
                visible: text.length > 0
                color: Theme.hold
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Button {
                text: qsTr("Take photo")
                highlighted: true
                enabled: imageCapture.readyForCapture
                Layout.fillWidth: true
                Layout.preferredHeight: 56
                onClicked: imageCapture.captureToFile("")
            }
        }
    }

    ColumnLayout {
        id: column
        x: Theme.spacing
        y: Theme.spacing
        width: page.width - 2 * Theme.spacing
        spacing: Theme.spacing

        Label {
            horizontalAlignment: Text.AlignLeft
            text: Session.customer.name ? qsTr("Log for %1").arg(Session.customer.name)
                                        : qsTr("Choose a customer first")
            font.pixelSize: 20
            font.bold: true
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        RowLayout {
            spacing: 8
            RadioButton { id: visit; text: qsTr("Visit"); checked: true }
            RadioButton { id: call; text: qsTr("Call") }
            RadioButton { text: qsTr("Note") }
        }
        TextField { id: subject; placeholderText: qsTr("Subject"); Layout.fillWidth: true }
        TextArea {
            id: notes
            placeholderText: qsTr("Notes")
            wrapMode: TextEdit.Wrap
            Layout.fillWidth: true
            Layout.preferredHeight: 120
        }
        RowLayout {
            Label { text: qsTr("Minutes") }
            SpinBox { id: minutes; from: 0; to: 480; stepSize: 5; value: 15; editable: true }
        }

        // The photo: add (camera or file), preview, remove.
        RowLayout {
            spacing: 8
            Layout.fillWidth: true
            Button {
                objectName: "addPhoto"
                text: photo.ready ? qsTr("Replace photo") : qsTr("Add photo")
                enabled: !photo.busy
                Layout.preferredHeight: 48
                onClicked: page.hasCamera ? cameraDialog.open() : fileDialog.open()
            }
            Button {
                text: qsTr("From a file")
                visible: page.hasCamera
                enabled: !photo.busy
                Layout.preferredHeight: 48
                onClicked: fileDialog.open()
            }
            Button {
                text: qsTr("Remove photo")
                visible: photo.ready
                enabled: !photo.busy
                Layout.preferredHeight: 48
                onClicked: photo.clear()
            }
            BusyIndicator { running: photo.busy; visible: photo.busy }
        }
        Label {
            visible: photo.error.length > 0
            text: photo.error
            color: Theme.hold
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Image {
            objectName: "photoPreview"
            visible: photo.ready
            source: photo.preview
            cache: false
            asynchronous: true
            fillMode: Image.PreserveAspectFit
            sourceSize.height: 320
            Layout.preferredHeight: 160
            Layout.fillWidth: true
            horizontalAlignment: Image.AlignLeft
        }
        Label {
            visible: photo.ready
            horizontalAlignment: Text.AlignLeft
            text: qsTr("Photo %1 × %2, %3 KB").arg(photo.size.width).arg(photo.size.height)
                                                .arg(Math.max(1, Math.round(photo.bytes / 1024)))
            color: Theme.muted
            font.pixelSize: 13
        }

        Button {
            objectName: "saveActivity"
            text: photo.ready ? qsTr("Save with photo") : qsTr("Save")
            highlighted: true
            enabled: !!Session.customer.id && subject.text.length > 0 && !photo.busy
            Layout.fillWidth: true
            Layout.preferredHeight: 56
            onClicked: {
                photo.saveActivity(Session.customer.id,
                                   visit.checked ? "visit" : call.checked ? "call" : "note",
                                   subject.text, notes.text, minutes.value)
            }
        }
        Connections {
            target: photo
            function onActivitySaved() {
                subject.clear()
                notes.clear()
            }
        }
        SectionCard {
            title: qsTr("Recent")
            Repeater {
                model: Session.customer.activities || []
                delegate: Label {
                    required property var modelData
                    text: modelData.when + " · " + modelData.kind + " · " + modelData.subject
                          + (modelData.hasPhoto ? " · 📷" : "")
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
            }
        }
    }
}
