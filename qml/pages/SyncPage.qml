import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Karvan

// Sync: the state and progress of sync with HQ, what waits in the outbox, what HQ rejected,
// and the conflicts the rep reviews (keep theirs or re-apply mine).
Page {
    id: page
    background: Rectangle { color: Theme.background }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        SectionCard {
            title: qsTr("Sync")
            KeyValue {
                label: qsTr("Server")
                value: Session.serverUrl || AppSettings.serverUrl || qsTr("Not set")
            }
            KeyValue {
                objectName: "accountValue"
                label: qsTr("Account")
                value: Session.signedIn ? Session.account : qsTr("Not signed in")
            }
            KeyValue { objectName: "lastSyncValue"; label: qsTr("Last sync"); value: Session.lastSync }
            KeyValue {
                objectName: "pendingValue"
                label: qsTr("Waiting to sync")
                value: Formatter.number(Session.pendingCount)
            }
            KeyValue { label: qsTr("Rejected"); value: Formatter.number(Session.rejectedCount) }
            KeyValue { label: qsTr("Conflicts"); value: Formatter.number(Session.conflictCount) }

            // A round under way: records and bytes received, done / total.
            ColumnLayout {
                objectName: "syncProgress"
                visible: Session.syncing
                spacing: 2
                Layout.fillWidth: true
                ProgressBar {
                    objectName: "syncProgressBar"
                    from: 0
                    to: 1
                    value: Math.max(0, Session.progress)
                    indeterminate: Session.syncing && Session.progress < 0
                    Layout.fillWidth: true
                }
                KeyValue {
                    label: Session.syncPhase === "push" ? qsTr("Sending changes") : qsTr("Records")
                    value: Session.syncPhase === "push"
                           ? qsTr("%1 / %2").arg(Formatter.number(Session.changesDone))
                                            .arg(Formatter.number(Session.changesTotal))
                           : Session.recordsText
                }
                KeyValue { label: qsTr("Data"); value: Session.bytesText }
            }
            // A failure: the sentence in the user's language, HQ's or the network's own words
            // below it.
            Text {
                objectName: "syncSummary"
                visible: !Session.syncing && (Session.syncError.length > 0 || Session.syncSummary.length > 0)
                text: Session.syncError.length > 0 ? qsTr("Sync failed: %1").arg(Session.syncError)
                                                   : Session.syncSummary
                color: Session.syncError.length > 0 ? Theme.hold : Theme.muted
                font.pixelSize: 13
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignLeft
                Layout.fillWidth: true
            }
            Text {
                objectName: "syncErrorDetail"
                visible: !Session.syncing && Session.syncError.length > 0
                         && Session.syncErrorDetail.length > 0
                text: Session.syncErrorDetail
                color: Theme.muted
                font.pixelSize: 11
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignLeft
                Layout.fillWidth: true
            }
            Text {
                objectName: "autoSyncText"
                visible: text.length > 0
                text: Session.autoSyncText
                color: Theme.muted
                font.pixelSize: 13
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignLeft
                Layout.fillWidth: true
            }
            Text {
                visible: !Session.signedIn
                text: qsTr("Sign in under Settings to sync with HQ.")
                color: Theme.muted
                font.pixelSize: 13
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignLeft
                Layout.fillWidth: true
            }
            Button {
                objectName: "syncNowButton"
                text: Session.syncing ? qsTr("Syncing…") : qsTr("Sync now")
                enabled: Session.signedIn && !Session.syncing && !Session.signingIn
                Layout.fillWidth: true
                onClicked: Session.syncNow()
            }
        }

        SectionCard {
            id: conflictCard
            objectName: "conflictCard"
            title: qsTr("Conflicts")
            visible: conflictRepeater.count > 0
            Text {
                text: qsTr("Someone else changed these fields too. Their value is shown now; keep it or re-apply yours.")
                color: Theme.muted
                font.pixelSize: 13
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignLeft
                Layout.fillWidth: true
            }
            Repeater {
                id: conflictRepeater
                objectName: "conflictRepeater"
                model: Session.conflicts
                delegate: ColumnLayout {
                    id: conflictItem
                    required property string conflictId
                    required property string entityName
                    required property string fieldLabel
                    required property string base
                    required property string theirs
                    required property string mine
                    objectName: "conflict_" + conflictId
                    spacing: 2
                    Layout.fillWidth: true
                    Text {
                        text: conflictItem.entityName + " · " + conflictItem.fieldLabel
                        font.bold: true
                        color: Theme.text
                        elide: Text.ElideRight
                        horizontalAlignment: Text.AlignLeft
                        Layout.fillWidth: true
                    }
                    KeyValue { label: qsTr("Before"); value: conflictItem.base }
                    KeyValue { label: qsTr("Theirs"); value: conflictItem.theirs }
                    KeyValue { label: qsTr("Mine"); value: conflictItem.mine }
                    RowLayout {
                        Layout.fillWidth: true
                        Button {
                            objectName: "keepTheirs"
                            text: qsTr("Keep theirs")
                            Layout.fillWidth: true
                            onClicked: Session.keepTheirs(conflictItem.conflictId)
                        }
                        Button {
                            objectName: "reapplyMine"
                            text: qsTr("Re-apply mine")
                            Layout.fillWidth: true
                            onClicked: Session.reapplyMine(conflictItem.conflictId)
                        }
                    }
                }
            }
        }

        ListView {
            objectName: "outboxList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: Session.outbox
            ScrollBar.vertical: ScrollBar { }
            delegate: ItemDelegate {
                id: item
                required property int seq
                required property string entity
                required property string op
                required property string state
                required property string reason
                required property string created
                width: ListView.view.width
                height: Math.max(Theme.touch, itemColumn.implicitHeight + 12)
                contentItem: RowLayout {
                    ColumnLayout {
                        id: itemColumn
                        spacing: 0
                        Layout.fillWidth: true
                        Label {
                            horizontalAlignment: Text.AlignLeft
                            text: "#" + Formatter.number(item.seq) + " " + item.entity + " · " + item.op
                            font.bold: true
                        }
                        Label {
                            horizontalAlignment: Text.AlignLeft
                            text: item.created + (item.reason ? " · " + item.reason : "")
                            color: Theme.muted
                            font.pixelSize: 13
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                    }
                    Label {
                        horizontalAlignment: Text.AlignLeft
                        text: item.state === "rejected" ? qsTr("Rejected") : qsTr("Waiting")
                        color: item.state === "rejected" ? Theme.hold : Theme.muted
                    }
                    Button {
                        visible: item.state === "rejected"
                        text: qsTr("Discard")
                        flat: true
                        onClicked: Session.discardRejected(item.seq)
                    }
                }
            }
            EmptyHint {
                anchors.centerIn: parent
                width: parent.width
                visible: parent.count === 0
                text: qsTr("Nothing waiting to sync")
            }
        }
    }
}
