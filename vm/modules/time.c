/* time.c — the time module: clocks, sleep (without the GIL) and the broken-down
 * time conversions (gmtime, localtime, mktime, strftime, asctime, ctime).
 *
 * struct_time is a struct sequence of the nine classic fields (CPython's extra
 * tm_zone / tm_gmtoff attributes are not there yet).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "vm/core.h"
#include "vm/gil.h"
#include "vm/structseq.h"

static int64_t clock_ns(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static PylObject *seconds(PylThread *t, clockid_t id)
{
    return pyl_float_new(t, (double)clock_ns(id) * 1e-9);
}

static PylObject *m_time(PylThread *t, PylObject *self)
{
    return seconds(t, CLOCK_REALTIME);
}

static PylObject *m_time_ns(PylThread *t, PylObject *self)
{
    return pyl_int_from_ssize(t, (intptr_t)clock_ns(CLOCK_REALTIME));
}

static PylObject *m_monotonic(PylThread *t, PylObject *self)
{
    return seconds(t, CLOCK_MONOTONIC);
}

static PylObject *m_monotonic_ns(PylThread *t, PylObject *self)
{
    return pyl_int_from_ssize(t, (intptr_t)clock_ns(CLOCK_MONOTONIC));
}

static PylObject *m_process_time(PylThread *t, PylObject *self)
{
    return seconds(t, CLOCK_PROCESS_CPUTIME_ID);
}

static PylObject *m_process_time_ns(PylThread *t, PylObject *self)
{
    return pyl_int_from_ssize(t, (intptr_t)clock_ns(CLOCK_PROCESS_CPUTIME_ID));
}

static PylObject *m_thread_time(PylThread *t, PylObject *self)
{
    return seconds(t, CLOCK_THREAD_CPUTIME_ID);
}

static PylObject *m_thread_time_ns(PylThread *t, PylObject *self)
{
    return pyl_int_from_ssize(t, (intptr_t)clock_ns(CLOCK_THREAD_CPUTIME_ID));
}

/* sleep(secs): other threads run meanwhile. */
static PylObject *m_sleep(PylThread *t, PylObject *self, PylObject *arg)
{
    int64_t ns;
    if (pyl_time_from_object(t, arg, &ns) < 0) {
        return NULL;
    }
    if (ns < 0) {
        return pyl_err_format(t, PYL_EXC(t, ValueError), "sleep length must be non-negative");
    }
    /* without the GIL; an interrupt (pyl_vm_interrupt) ends it early, raising */
    if (pyl_sleep_until(t, pyl_monotonic_ns() + ns) < 0) {
        return NULL;
    }
    return PYL_NONE;
}

/* ---- broken-down time -------------------------------------------------------------------- */

static const char *const struct_time_fields[] = {"tm_year",  "tm_mon", "tm_mday", "tm_hour",
                                                 "tm_min",   "tm_sec", "tm_wday", "tm_yday",
                                                 "tm_isdst", NULL};

static const PylStructSeqDesc struct_time_desc = {
    "time.struct_time",
    "The time value as returned by gmtime(), localtime(), and strptime(), and\n"
    " accepted by asctime(), mktime() and strftime().  May be considered as a\n"
    " sequence of 9 integers.",
    struct_time_fields, true};

static PylObject *make_struct_time(PylThread *t, PylObject *module, const struct tm *tm)
{
    PylObject *type = pyl_dict_get_cstr(t, PYL_MODULE_DICT(module), "struct_time");
    if (type == NULL) {
        return pyl_err_format(t, PYL_EXC(t, AttributeError), "lost time.struct_time");
    }
    PylObject *items[9] = {PYL_SMALLINT(tm->tm_year + 1900),
                           PYL_SMALLINT(tm->tm_mon + 1),
                           PYL_SMALLINT(tm->tm_mday),
                           PYL_SMALLINT(tm->tm_hour),
                           PYL_SMALLINT(tm->tm_min),
                           PYL_SMALLINT(tm->tm_sec),
                           PYL_SMALLINT((tm->tm_wday + 6) % 7),
                           PYL_SMALLINT(tm->tm_yday + 1),
                           PYL_SMALLINT(tm->tm_isdst)};
    return pyl_structseq_new(t, type, items, 9);
}

/* The time_t for an optional seconds argument (None or missing: now). */
static int time_arg(PylThread *t, PylObject *const *args, intptr_t nargs, const char *fname,
                    time_t *out)
{
    if (pyl_check_nargs(t, fname, nargs, 0, 1) < 0) {
        return -1;
    }
    if (nargs == 0 || args[0] == PYL_NONE) {
        *out = time(NULL);
        return 0;
    }
    double d;
    if (PYL_IS_INT(args[0])) {
        int64_t v;
        if (pyl_int_as_i64(t, args[0], &v) < 0) {
            pyl_err_clear(t);
            pyl_err_format(t, PYL_EXC(t, OverflowError),
                           "timestamp out of range for platform time_t");
            return -1;
        }
        *out = (time_t)v;
        return 0;
    }
    if (pyl_float_as_double(t, args[0], &d) < 0) {
        return -1;
    }
    if (isnan(d)) {
        pyl_err_format(t, PYL_EXC(t, ValueError), "Invalid value NaN (not a number)");
        return -1;
    }
    d = floor(d);
    if (!(d >= -9.2e18 && d <= 9.2e18)) {
        pyl_err_format(t, PYL_EXC(t, OverflowError), "timestamp out of range for platform time_t");
        return -1;
    }
    *out = (time_t)d;
    return 0;
}

static PylObject *m_gmtime(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    time_t when;
    struct tm tm;
    if (time_arg(t, args, nargs, "gmtime", &when) < 0) {
        return NULL;
    }
    if (gmtime_r(&when, &tm) == NULL) {
        return pyl_err_from_errno(t, errno ? errno : EOVERFLOW, NULL);
    }
    return make_struct_time(t, self, &tm);
}

static PylObject *m_localtime(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    time_t when;
    struct tm tm;
    if (time_arg(t, args, nargs, "localtime", &when) < 0) {
        return NULL;
    }
    if (localtime_r(&when, &tm) == NULL) {
        return pyl_err_from_errno(t, errno ? errno : EOVERFLOW, NULL);
    }
    return make_struct_time(t, self, &tm);
}

/* A struct_time or 9-tuple as a struct tm (CPython's gettmarg). */
static int tm_arg(PylThread *t, PylObject *o, const char *fname, struct tm *tm)
{
    if (!PYL_IS_TUPLE(o)) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "Tuple or struct_time argument required");
        return -1;
    }
    if (PYL_TUPLE_SIZE(o) != 9) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "%s(): illegal time tuple argument", fname);
        return -1;
    }
    int v[9];
    for (int i = 0; i < 9; i++) {
        intptr_t x;
        if (pyl_int_as_ssize(t, PYL_TUPLE_ITEM(o, i), &x) < 0) {
            return -1;
        }
        if (x < INT32_MIN || x > INT32_MAX) {
            pyl_err_format(t, PYL_EXC(t, OverflowError),
                           "Python int too large to convert to C int");
            return -1;
        }
        v[i] = (int)x;
    }
    memset(tm, 0, sizeof *tm);
    tm->tm_year = v[0] - 1900;
    tm->tm_mon = v[1] - 1;
    tm->tm_mday = v[2];
    tm->tm_hour = v[3];
    tm->tm_min = v[4];
    tm->tm_sec = v[5];
    tm->tm_wday = (v[6] + 1) % 7;
    if (tm->tm_wday < 0) {
        tm->tm_wday += 7;
    }
    tm->tm_yday = v[7] - 1;
    tm->tm_isdst = v[8];
    return 0;
}

/* The checks strftime and asctime make (CPython's checktm), after mapping the
 * zero values CPython accepts. */
static int check_tm(PylThread *t, struct tm *tm)
{
    if (tm->tm_mon == -1) {
        tm->tm_mon = 0;
    } else if (tm->tm_mon < 0 || tm->tm_mon > 11) {
        pyl_err_format(t, PYL_EXC(t, ValueError), "month out of range");
        return -1;
    }
    if (tm->tm_mday == 0) {
        tm->tm_mday = 1;
    } else if (tm->tm_mday < 0 || tm->tm_mday > 31) {
        pyl_err_format(t, PYL_EXC(t, ValueError), "day of month out of range");
        return -1;
    }
    if (tm->tm_hour < 0 || tm->tm_hour > 23) {
        pyl_err_format(t, PYL_EXC(t, ValueError), "hour out of range");
        return -1;
    }
    if (tm->tm_min < 0 || tm->tm_min > 59) {
        pyl_err_format(t, PYL_EXC(t, ValueError), "minute out of range");
        return -1;
    }
    if (tm->tm_sec < 0 || tm->tm_sec > 61) {
        pyl_err_format(t, PYL_EXC(t, ValueError), "seconds out of range");
        return -1;
    }
    if (tm->tm_yday == -1) {
        tm->tm_yday = 0;
    } else if (tm->tm_yday < 0 || tm->tm_yday > 365) {
        pyl_err_format(t, PYL_EXC(t, ValueError), "day of year out of range");
        return -1;
    }
    return 0;
}

/* The struct tm of an optional struct_time argument (missing: localtime()). */
static int opt_tm(PylThread *t, PylObject *const *args, intptr_t nargs, intptr_t i,
                  const char *fname, struct tm *tm)
{
    if (nargs <= i) {
        time_t now = time(NULL);
        localtime_r(&now, tm);
        return 0;
    }
    return tm_arg(t, args[i], fname, tm) < 0 || check_tm(t, tm) < 0 ? -1 : 0;
}

static PylObject *m_strftime(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    if (pyl_check_nargs(t, "strftime", nargs, 1, 2) < 0) {
        return NULL;
    }
    if (!PYL_IS_STR(args[0])) {
        return pyl_bad_argument(t, "strftime", "1", "str", args[0]);
    }
    struct tm tm;
    if (opt_tm(t, args, nargs, 1, "strftime", &tm) < 0) {
        return NULL;
    }
    const char *fmt = PYL_STR_DATA(args[0]);
    if (strlen(fmt) != (size_t)PYL_STR_NBYTES(args[0])) {
        return pyl_err_format(t, PYL_EXC(t, ValueError), "embedded null character");
    }
    if (*fmt == '\0') {
        return pyl_incref(t->vm->empty_str);
    }
    for (size_t cap = 256;; cap *= 2) {
        char *buf = malloc(cap);
        if (buf == NULL) {
            return pyl_err_nomemory(t);
        }
        size_t n = strftime(buf, cap, fmt, &tm);
        if (n > 0 || cap > 256 * strlen(fmt)) {
            PylObject *r = pyl_str_decode_utf8(t, buf, (intptr_t)n, "surrogateescape");
            free(buf);
            return r;
        }
        free(buf);
    }
}

static PylObject *format_asctime(PylThread *t, const struct tm *tm)
{
    static const char wday[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char mon[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return pyl_str_format_c(t, "%s %s%3d %.2d:%.2d:%.2d %d", wday[tm->tm_wday], mon[tm->tm_mon],
                            tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec, tm->tm_year + 1900);
}

static PylObject *m_asctime(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    struct tm tm;
    if (pyl_check_nargs(t, "asctime", nargs, 0, 1) < 0 ||
        opt_tm(t, args, nargs, 0, "asctime", &tm) < 0) {
        return NULL;
    }
    return format_asctime(t, &tm);
}

static PylObject *m_ctime(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    time_t when;
    struct tm tm;
    if (time_arg(t, args, nargs, "ctime", &when) < 0) {
        return NULL;
    }
    if (localtime_r(&when, &tm) == NULL) {
        return pyl_err_format(t, PYL_EXC(t, OverflowError),
                              "timestamp out of range for platform time_t");
    }
    return format_asctime(t, &tm);
}

static PylObject *m_mktime(PylThread *t, PylObject *self, PylObject *arg)
{
    struct tm tm;
    if (tm_arg(t, arg, "mktime", &tm) < 0) {
        return NULL;
    }
    tm.tm_wday = -1; /* sentinel: mktime sets it on success */
    time_t r = mktime(&tm);
    if (r == (time_t)-1 && tm.tm_wday == -1) {
        return pyl_err_format(t, PYL_EXC(t, OverflowError), "mktime argument out of range");
    }
    return pyl_float_new(t, (double)r);
}

static const PylMethodDef time_methods[] = {
    PYL_METHOD_NOARGS("time", m_time),
    PYL_METHOD_NOARGS("time_ns", m_time_ns),
    PYL_METHOD_NOARGS("monotonic", m_monotonic),
    PYL_METHOD_NOARGS("monotonic_ns", m_monotonic_ns),
    PYL_METHOD_NOARGS("perf_counter", m_monotonic),
    PYL_METHOD_NOARGS("perf_counter_ns", m_monotonic_ns),
    PYL_METHOD_NOARGS("process_time", m_process_time),
    PYL_METHOD_NOARGS("process_time_ns", m_process_time_ns),
    PYL_METHOD_NOARGS("thread_time", m_thread_time),
    PYL_METHOD_NOARGS("thread_time_ns", m_thread_time_ns),
    PYL_METHOD_O("sleep", m_sleep),
    PYL_METHOD_FAST("gmtime", m_gmtime),
    PYL_METHOD_FAST("localtime", m_localtime),
    PYL_METHOD_FAST("strftime", m_strftime),
    PYL_METHOD_FAST("asctime", m_asctime),
    PYL_METHOD_FAST("ctime", m_ctime),
    PYL_METHOD_O("mktime", m_mktime),
    PYL_METHOD_END,
};

static int time_init(PylThread *t, PylObject *m)
{
    tzset();
    PylObject *names[2] = {
        pyl_str_decode_utf8(t, tzname[0], (intptr_t)strlen(tzname[0]), "replace"),
        pyl_str_decode_utf8(t, tzname[1], (intptr_t)strlen(tzname[1]), "replace")};
    PylObject *tzn = names[0] && names[1] ? pyl_tuple_from_array(t, names, 2) : NULL;
    pyl_xdecref(t, names[0]);
    pyl_xdecref(t, names[1]);
    long tz = timezone;
    if (tzn == NULL || pyl_module_add(t, m, "tzname", tzn) < 0 ||
        pyl_module_add(t, m, "timezone", pyl_int_from_ssize(t, tz)) < 0 ||
        pyl_module_add(t, m, "altzone", pyl_int_from_ssize(t, daylight ? tz - 3600 : tz)) < 0 ||
        pyl_module_add(t, m, "daylight", pyl_int_from_ssize(t, daylight)) < 0 ||
        pyl_module_add(t, m, "struct_time", pyl_structseq_type(t, &struct_time_desc)) < 0) {
        return -1;
    }
    return 0;
}

const PylModuleDef pyl_module_time = {"time", time_methods, time_init,
                                      "This module provides various functions to manipulate time "
                                      "values."};
