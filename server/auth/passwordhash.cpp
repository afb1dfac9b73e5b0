#include "auth/passwordhash.h"

#include <QStringList>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

using namespace Qt::StringLiterals;

namespace karvan::hq {

namespace {

const QString Scheme = u"pbkdf2-sha256"_s;

Result<QByteArray> derive(const QString &password, const QByteArray &salt, int iterations)
{
    const QByteArray utf8 = password.toUtf8();
    QByteArray key(PasswordHash::KeyBytes, Qt::Uninitialized);
    if (PKCS5_PBKDF2_HMAC(utf8.constData(), int(utf8.size()),
                          reinterpret_cast<const unsigned char *>(salt.constData()),
                          int(salt.size()), iterations, EVP_sha256(), int(key.size()),
                          reinterpret_cast<unsigned char *>(key.data()))
        != 1) {
        return makeError(ErrorCode::Storage, u"PBKDF2 failed in OpenSSL"_s);
    }
    return key;
}

Result<QByteArray> strictBase64(const QString &text, const QString &what)
{
    auto decoded
        = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || text.isEmpty())
        return makeError(ErrorCode::InvalidArgument, u"password hash: bad base64 in the "_s + what);
    return decoded.decoded;
}

} // namespace

Result<QString> PasswordHash::hash(const QString &password)
{
    QByteArray salt(SaltBytes, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(salt.data()), int(salt.size())) != 1)
        return makeError(ErrorCode::Storage, u"no random bytes for a salt (OpenSSL RAND_bytes)"_s);
    auto key = derive(password, salt, Iterations);
    if (!key)
        return key.error();
    return u"%1$%2$%3$%4"_s.arg(Scheme, QString::number(Iterations),
                                QString::fromLatin1(salt.toBase64()),
                                QString::fromLatin1(key->toBase64()));
}

Result<PasswordHash::Parts> PasswordHash::parse(const QString &stored)
{
    const QStringList fields = stored.split(u'$');
    if (fields.size() != 4 || fields[0] != Scheme) {
        return makeError(
            ErrorCode::InvalidArgument,
            u"unknown password hash format (expected %1$ITERATIONS$SALT$HASH)"_s.arg(Scheme));
    }
    Parts parts;
    bool ok = false;
    parts.iterations = fields[1].toInt(&ok);
    if (!ok || fields[1] != QString::number(parts.iterations) || parts.iterations < MinIterations
        || parts.iterations > MaxIterations) {
        return makeError(ErrorCode::InvalidArgument,
                         u"password hash: iteration count \"%1\" outside %2..%3"_s.arg(fields[1])
                             .arg(MinIterations)
                             .arg(MaxIterations));
    }
    auto salt = strictBase64(fields[2], u"salt"_s);
    if (!salt)
        return salt.error();
    auto key = strictBase64(fields[3], u"hash"_s);
    if (!key)
        return key.error();
    if (salt->size() < SaltBytes || key->size() != KeyBytes)
        return makeError(ErrorCode::InvalidArgument, u"password hash: wrong salt or hash length"_s);
    parts.salt = *salt;
    parts.key = *key;
    return parts;
}

Result<bool> PasswordHash::verify(const QString &password, const QString &stored)
{
    auto parts = parse(stored);
    if (!parts)
        return parts.error();
    auto key = derive(password, parts->salt, parts->iterations);
    if (!key)
        return key.error();
    return CRYPTO_memcmp(key->constData(), parts->key.constData(), size_t(KeyBytes)) == 0;
}

Result<void> PasswordHash::checkAcceptable(const QString &password)
{
    if (password.isEmpty())
        return makeError(ErrorCode::InvalidArgument, u"the password is empty"_s);
    if (password.toUcs4().size() < MinPasswordLength) {
        return makeError(ErrorCode::InvalidArgument,
                         u"the password is too short: at least %1 characters are required"_s.arg(
                             MinPasswordLength));
    }
    if (password.contains(u'\n') || password.contains(u'\r') || password.contains(QChar(0)))
        return makeError(ErrorCode::InvalidArgument,
                         u"the password contains a line break or a NUL character"_s);
    return {};
}

} // namespace karvan::hq
