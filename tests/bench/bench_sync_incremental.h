#pragma once

// Incremental sync rounds: the measured device writes N local mutations through the core
// services while a second device of the same territory writes N and pushes them; then the
// measured device's sync round (push its N, pull everything HQ changed) is timed, in process,
// with the real SyncEngine over HttpTransport (HTTPS on loopback).

#include "domain/result.h"
#include "percentiles.h"

#include <QList>
#include <QString>

namespace karvan::bench {

struct IncrementalOptions
{
    QString devicePath; // the measured device's store (signed in, initial sync done)
    QString workDir; // where the second device's store goes
    QString secondLogin = QStringLiteral("rep.tr2");
    QString password = QStringLiteral("demo");
    int rounds = 20;
    int warmupRounds = 2;
    int mutations = 1000; // the measured device's mutations per round (pushed up)
    // The other device's mutations per round, chosen so that they bring the measured device
    // about `mutations` changes down: a mutation fans out into feed rows (an order: the order
    // and the stock positions HQ allocated). The measured device also pulls the rows its own
    // push changed at HQ, on top. -1: calibrated in the warm-up rounds (see
    // runIncrementalRounds).
    int otherMutations = -1;
    qint64 hqPid = 0; // when set, HQ's CPU time is measured per round (/proc/PID/stat)
    quint64 seed = 20261122;
};

struct IncrementalFigures
{
    Percentiles roundMs; // push + pull + rebase, the whole SyncEngine::sync()
    Percentiles pushMs; // from the round's start to its first pull request
    Percentiles pullMs; // from the first pull request to the round's end
    Percentiles localMutationMs; // one local write (row(s) + outbox, durable) on the device
    qint64 measuredRounds = 0;
    qint64 pushedPerRound = 0; // mutations pushed by the measured device, minimum over rounds
    qint64 pulledMin = 0; // changes pulled by the measured device per round
    qint64 pulledMax = 0;
    qint64 secondDevicePushedMin = 0;
    qint64 secondDevicePushedMax = 0;
    // Calibration (warm-up rounds): the changes down that the measured device's own push
    // causes (its rows and the stock HQ allocated), and those per mutation of the other device.
    qint64 ownEchoChanges = -1;
    double otherChangesPerMutation = 0;
    Percentiles hqPushCpuMs; // HQ's CPU time (user + system) during the push part
    Percentiles hqPullCpuMs; // ... and during the pull part
    Percentiles deviceCpuMs; // the measured device's CPU time for the whole round
    qint64 rejected = 0; // over all measured rounds, both devices
    qint64 conflicts = 0;
    qint64 bytesSentPerRound = 0; // average
    qint64 bytesReceivedPerRound = 0;
    QString mix; // what the mutations were, e.g. "40% customer edits, ..."
};

Result<IncrementalFigures> runIncrementalRounds(const IncrementalOptions &options);

} // namespace karvan::bench
