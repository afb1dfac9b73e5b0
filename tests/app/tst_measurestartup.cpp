// `karvan --measure-startup` (issue 6's cold start): the app run as a user runs it, on a demo
// store, offscreen; it must report its first frame and its first frame with data, then exit.
#include "apprunner.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_MeasureStartup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void reportsFirstFrameThenExits();
    void refusesOtherModes();

private:
    QProcessEnvironment environment() const;
    QTemporaryDir m_dir;
    QString m_store;
};

void tst_MeasureStartup::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_store = m_dir.filePath(u"device.sqlite"_s);
    auto made = karvan::app::createDemoStore(m_store);
    QVERIFY2(made.ok(), qPrintable(made.errorMessage()));
}

QProcessEnvironment tst_MeasureStartup::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s));
    env.insert(u"XDG_CACHE_HOME"_s, m_dir.filePath(u"cache"_s));
    return env;
}

void tst_MeasureStartup::reportsFirstFrameThenExits()
{
    QProcess app;
    app.setProcessEnvironment(environment());
    app.start(QStringLiteral(KARVAN_APP_BINARY), {u"--db"_s, m_store, u"--measure-startup"_s});
    QVERIFY(app.waitForFinished(120000));
    QCOMPARE(app.exitStatus(), QProcess::NormalExit);
    QCOMPARE(app.exitCode(), 0);
    const QJsonObject out = QJsonDocument::fromJson(app.readAllStandardOutput().trimmed()).object();
    QVERIFY2(!out.isEmpty(), "no JSON line on stdout");
    QCOMPARE(out.value(u"timed_out"_s).toBool(true), false);
    const qint64 mainEntry = out.value(u"main_entry_ns"_s).toInteger();
    const qint64 firstFrame = out.value(u"first_frame_ns"_s).toInteger();
    const qint64 readyFrame = out.value(u"ready_frame_ns"_s).toInteger();
    QVERIFY(mainEntry > 0);
    QVERIFY(firstFrame > mainEntry);
    QVERIFY(readyFrame >= firstFrame);
    QVERIFY(out.value(u"main_to_first_frame_ms"_s).toDouble() > 0);
    // The process's own start time (10 ms ticks) puts exec before main.
    QVERIFY(out.value(u"exec_to_main_ms_coarse"_s).toDouble() >= 0);
}

void tst_MeasureStartup::refusesOtherModes()
{
    QProcess app;
    app.setProcessEnvironment(environment());
    app.start(QStringLiteral(KARVAN_APP_BINARY),
              {u"--db"_s, m_store, u"--measure-startup"_s, u"--self-test"_s});
    QVERIFY(app.waitForFinished(60000));
    QCOMPARE(app.exitCode(), 2);
    QVERIFY(app.readAllStandardError().contains("--measure-startup goes alone"));
    QVERIFY(app.readAllStandardOutput().isEmpty());
}

QTEST_GUILESS_MAIN(tst_MeasureStartup)
#include "tst_measurestartup.moc"
