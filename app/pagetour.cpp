#include "pagetour.h"

#include "devicesession.h"
#include "formatter.h"
#include "ordereditor.h"

#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTextStream>

#include "domain/ids.h"

namespace karvan::app {

using namespace Qt::StringLiterals;

namespace {

void settle(DeviceSession &session)
{
    // Twice: a page's first results often trigger a follow-up request (e.g. a check).
    for (int i = 0; i < 2; ++i) {
        session.waitUntilIdle(10000);
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
}

} // namespace

PageTour::PageTour(QQmlApplicationEngine &engine, DeviceSession &session)
    : m_engine(engine)
    , m_session(session)
{ }

bool PageTour::prepare()
{
    settle(m_session);
    auto customer = m_session.sampleCustomerBlocking();
    if (!customer)
        return false;
    const QString id = customer->toString(QUuid::WithoutBraces);
    m_session.openCustomer(id);
    settle(m_session);
    m_session.order()->setCustomer(id, m_session.customer().value(u"name"_s).toString());
    m_session.order()->setLines(m_session.sampleLinesBlocking(3));
    settle(m_session);
    return true;
}

int PageTour::run(const QStringList &languages, const QString &screenshotDir)
{
    if (m_engine.rootObjects().isEmpty())
        return -1;
    auto *window = qobject_cast<QQuickWindow *>(m_engine.rootObjects().constFirst());
    if (!window)
        return -1;
    const QStringList pages = window->property("pageNames").toStringList();
    if (pages.isEmpty())
        return -1;
    int shown = 0;
    for (const QString &language : languages) {
        Formatter::instance()->setLanguage(language);
        settle(m_session);
        for (const auto &[form, size] :
             {std::pair {u"phone"_s, phoneSize()}, std::pair {u"tablet"_s, tabletSize()}}) {
            window->resize(size);
            settle(m_session);
            for (const QString &page : pages) {
                QMetaObject::invokeMethod(window, "showPage", Q_ARG(QVariant, page));
                settle(m_session);
                ++shown;
                if (screenshotDir.isEmpty())
                    continue;
                const QImage image = window->grabWindow();
                const QString file
                    = QDir(screenshotDir).filePath(u"%1-%2-%3.png"_s.arg(language, form, page));
                if (!image.save(file))
                    QTextStream(stderr) << "karvan: cannot write " << file << Qt::endl;
            }
        }
    }
    QMetaObject::invokeMethod(window, "showPage", Q_ARG(QVariant, pages.constFirst()));
    Formatter::instance()->setLanguage(languages.constFirst());
    settle(m_session);
    return shown;
}

} // namespace karvan::app
