#include "http/metrics.h"

#include <QMutexLocker>
#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace karvan::hq::http {

namespace {

QString label(const QString &value)
{
    QString v = value;
    v.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s).replace(u'\n', u"\\n"_s);
    return v;
}

} // namespace

QByteArray Metrics::family(const QString &name, const QString &type, const QString &help,
                           const QList<std::pair<QString, qint64>> &samples)
{
    QString out = u"# HELP %1 %2\n# TYPE %1 %3\n"_s.arg(name, help, type);
    for (const auto &[labels, value] : samples) {
        out += labels.isEmpty() ? name : u"%1{%2}"_s.arg(name, labels);
        out += u' ' + QString::number(value) + u'\n';
    }
    return out.toUtf8();
}

void Metrics::record(const QString &method, const QString &route, int status, double seconds)
{
    QMutexLocker lock(&m_mutex);
    ++m_requests[method + u'\n' + route + u'\n' + QString::number(status)];
    Histogram &h = m_latency[method + u'\n' + route];
    for (size_t i = 0; i < Buckets.size(); ++i) {
        if (seconds <= Buckets[i])
            ++h.counts[i];
    }
    ++h.count;
    h.sum += seconds;
}

QByteArray Metrics::exposition(int dbPoolThreads, int inFlight) const
{
    QString out;
    QMutexLocker lock(&m_mutex);
    out += u"# HELP karvan_http_requests_total HTTP requests by method, route and status.\n"
           "# TYPE karvan_http_requests_total counter\n"_s;
    QStringList keys = m_requests.keys();
    keys.sort();
    for (const QString &key : std::as_const(keys)) {
        const QStringList parts = key.split(u'\n');
        out += u"karvan_http_requests_total{method=\"%1\",route=\"%2\",status=\"%3\"} %4\n"_s
                   .arg(label(parts.at(0)), label(parts.at(1)), parts.at(2))
                   .arg(m_requests.value(key));
    }
    out += u"# HELP karvan_http_request_duration_seconds Time from request to response.\n"
           "# TYPE karvan_http_request_duration_seconds histogram\n"_s;
    keys = m_latency.keys();
    keys.sort();
    for (const QString &key : std::as_const(keys)) {
        const QStringList parts = key.split(u'\n');
        const QString labels
            = u"method=\"%1\",route=\"%2\""_s.arg(label(parts.at(0)), label(parts.at(1)));
        const Histogram &h = m_latency[key];
        for (size_t i = 0; i < Buckets.size(); ++i) {
            out += u"karvan_http_request_duration_seconds_bucket{%1,le=\"%2\"} %3\n"_s.arg(labels)
                       .arg(Buckets[i])
                       .arg(h.counts[i]);
        }
        out += u"karvan_http_request_duration_seconds_bucket{%1,le=\"+Inf\"} %2\n"_s.arg(labels)
                   .arg(h.count);
        out += u"karvan_http_request_duration_seconds_sum{%1} %2\n"_s.arg(labels).arg(h.sum);
        out += u"karvan_http_request_duration_seconds_count{%1} %2\n"_s.arg(labels).arg(h.count);
    }
    lock.unlock();
    out += u"# HELP karvan_db_pool_threads Worker threads, each with its own database "
           "connection.\n# TYPE karvan_db_pool_threads gauge\nkarvan_db_pool_threads %1\n"_s.arg(
               dbPoolThreads);
    out += u"# HELP karvan_http_requests_in_flight Requests being handled.\n"
           "# TYPE karvan_http_requests_in_flight gauge\nkarvan_http_requests_in_flight %1\n"_s.arg(
               inFlight);
    out += u"# HELP process_uptime_seconds Seconds since this process started serving.\n"
           "# TYPE process_uptime_seconds gauge\nprocess_uptime_seconds %1\n"_s.arg(
               double(m_started.elapsed()) / 1000.0);
    return out.toUtf8();
}

} // namespace karvan::hq::http
