#pragma once

// A DeviceSession on a fresh demo store in a temporary directory, as `karvan` runs it.
#include "apprunner.h"
#include "devicesession.h"
#include "formatter.h"

#include "demo/demogenerator.h"
#include "store/localstore.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

struct AppFixture
{
    QTemporaryDir dir;
    std::unique_ptr<karvan::app::DeviceSession> session;

    bool start()
    {
        QStandardPaths::setTestModeEnabled(true);
        karvan::app::Formatter::instance()->setLanguage(QStringLiteral("en"));
        const QString path = dir.filePath(QStringLiteral("device.sqlite"));
        if (auto r = karvan::app::createDemoStore(path); !r) {
            qWarning("demo store: %s", qPrintable(r.errorMessage()));
            return false;
        }
        session = std::make_unique<karvan::app::DeviceSession>(path, QStringLiteral("rep.test"));
        session->setToday(karvan::DemoOptions().today);
        session->start();
        return QTest::qWaitFor([&] { return session->ready(); }, 20000);
    }

    // Runs work on the store thread and waits for it.
    bool onStore(std::function<void(karvan::LocalStore &)> work)
    {
        session->postToStore(std::move(work));
        return session->waitUntilIdle(20000);
    }
};
