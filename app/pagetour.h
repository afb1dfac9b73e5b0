#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

class QQmlApplicationEngine;

namespace karvan::app {

class DeviceSession;

// Walks the loaded app through every page, in the given languages and window sizes, waiting
// for the store thread after each step. The self-test and the screenshot tool both use it.
class PageTour
{
public:
    PageTour(QQmlApplicationEngine &engine, DeviceSession &session);

    // Gives the editor and Customer 360 a demo customer and order lines to show.
    bool prepare();
    // Visits every page; with a directory, saves <dir>/<lang>-<form>-<page>.png of each.
    // Returns the number of pages shown; -1 when the app could not be driven.
    int run(const QStringList &languages, const QString &screenshotDir = {});

    static QSize phoneSize() { return {412, 915}; }
    static QSize tabletSize() { return {1280, 800}; }

private:
    QQmlApplicationEngine &m_engine;
    DeviceSession &m_session;
};

} // namespace karvan::app
