#pragma once

// Cold start to first frame (`karvan --measure-startup`, issue 6): when the window's first
// frame was swapped, and the first frame after the app said it was ready (its data shown).
// Times are CLOCK_MONOTONIC nanoseconds (std::chrono::steady_clock), the same clock in every
// process, so a parent that notes the time before it forks gets the whole start-up including
// exec and dynamic linking; the process's own start time from /proc/self/stat (10 ms ticks)
// gives a coarser figure when the app runs on its own.
// Header-only so tests/bench's minimal QML window (the floor) measures the same way without
// linking the app.

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQuickWindow>
#include <QTimer>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <functional>
#include <unistd.h>

namespace karvan::startup {

inline qint64 monotonicNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// How long ago this process was started (exec), from /proc/self/stat's starttime (clock ticks
// since boot) against CLOCK_BOOTTIME; -1 when unknown.
inline double processAgeMs()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    const qsizetype close = text.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = text.mid(close + 2).split(' ');
    // Field 22 (starttime) is the 20th after the command name.
    if (fields.size() < 20)
        return -1;
    bool ok = false;
    const qint64 startTicks = fields.at(19).toLongLong(&ok);
    const long ticksPerSecond = sysconf(_SC_CLK_TCK);
    timespec now {};
    if (!ok || ticksPerSecond <= 0 || clock_gettime(CLOCK_BOOTTIME, &now) != 0)
        return -1;
    const double nowMs = double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
    return nowMs - double(startTicks) * 1e3 / double(ticksPerSecond);
}

// Watches one window; prints one JSON line on stdout and quits the application when the frame
// after `ready` has been swapped (or after timeoutMs, with "timed_out": true and exit code 1).
class FirstFrameProbe
{
public:
    FirstFrameProbe(qint64 mainEntryNs, double ageAtMainMs)
        : m_mainEntryNs(mainEntryNs)
        , m_ageAtMainMs(ageAtMainMs)
    { }

    // isReady is polled on the GUI thread whenever poke() is called and after each frame.
    void watch(QQuickWindow *window, std::function<bool()> isReady, int timeoutMs = 120000)
    {
        m_window = window;
        m_isReady = std::move(isReady);
        // frameSwapped comes from the render thread with the threaded render loop: note the
        // time there, decide on the GUI thread.
        QObject::connect(
            window, &QQuickWindow::frameSwapped, window,
            [this] {
                const qint64 now = monotonicNs();
                qint64 none = 0;
                m_firstFrameNs.compare_exchange_strong(none, now);
                if (m_readySeenNs.load() != 0) {
                    none = 0;
                    m_readyFrameNs.compare_exchange_strong(none, now);
                }
                QMetaObject::invokeMethod(
                    m_window, [this] { poke(); }, Qt::QueuedConnection);
            },
            Qt::DirectConnection);
        QTimer::singleShot(timeoutMs, window, [this] { finish(true); });
        poke();
    }

    void poke()
    {
        if (m_done || !m_window)
            return;
        if (m_readySeenNs.load() == 0 && m_isReady && m_isReady()) {
            m_readySeenNs.store(monotonicNs());
            m_window->update(); // a frame with what is on screen now, even if nothing changed
            return;
        }
        if (m_readyFrameNs.load() != 0)
            finish(false);
    }

private:
    void finish(bool timedOut)
    {
        if (m_done)
            return;
        m_done = true;
        const auto ms = [this](qint64 ns) {
            return ns == 0 ? -1.0 : double(ns - m_mainEntryNs) / 1e6;
        };
        const QJsonObject out {
            {QStringLiteral("main_entry_ns"), m_mainEntryNs},
            {QStringLiteral("first_frame_ns"), m_firstFrameNs.load()},
            {QStringLiteral("ready_ns"), m_readySeenNs.load()},
            {QStringLiteral("ready_frame_ns"), m_readyFrameNs.load()},
            {QStringLiteral("main_to_first_frame_ms"), ms(m_firstFrameNs.load())},
            {QStringLiteral("main_to_ready_frame_ms"), ms(m_readyFrameNs.load())},
            // Coarse (10 ms ticks): exec to main, and exec to the first frame.
            {QStringLiteral("exec_to_main_ms_coarse"), m_ageAtMainMs},
            {QStringLiteral("exec_to_first_frame_ms_coarse"),
             m_ageAtMainMs < 0 || m_firstFrameNs.load() == 0
                 ? -1.0
                 : m_ageAtMainMs + ms(m_firstFrameNs.load())},
            {QStringLiteral("timed_out"), timedOut},
        };
        const QByteArray line = QJsonDocument(out).toJson(QJsonDocument::Compact);
        std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
        std::fputc('\n', stdout);
        std::fflush(stdout);
        QCoreApplication::exit(timedOut ? 1 : 0);
    }

    qint64 m_mainEntryNs = 0;
    double m_ageAtMainMs = -1;
    QQuickWindow *m_window = nullptr;
    std::function<bool()> m_isReady;
    std::atomic<qint64> m_firstFrameNs {0};
    std::atomic<qint64> m_readySeenNs {0};
    std::atomic<qint64> m_readyFrameNs {0};
    bool m_done = false;
};

} // namespace karvan::startup
