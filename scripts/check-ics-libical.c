/* Checks iCalendar files with libical (Debian's libical-dev), independently of Python icalendar:
 * each file must parse, and libical's own checks must find nothing: icalrestriction_check (RFC 5546's
 * rules for the file's METHOD; "Failed iTIP restrictions for ORGANIZER" for a METHOD:PUBLISH without an
 * ORGANIZER) and the X-LIC-ERROR properties the parser adds for anything it could not read.
 * Built and run by scripts/check-ics.sh:  check-ics-libical FILE...   (exit 1 if any file fails) */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>

static char *read_file(const char *path) {
    FILE *file = fopen(path, "rb");
    if (!file) return NULL;
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    rewind(file);
    char *text = malloc((size_t)size + 1);
    if (text && fread(text, 1, (size_t)size, file) != (size_t)size) { free(text); text = NULL; }
    if (text) text[size] = '\0';
    fclose(file);
    return text;
}

/* Prints every X-LIC-ERROR in component and its children; returns how many. */
static int report_errors(icalcomponent *component, const char *path) {
    int errors = 0;
    for (icalproperty *p = icalcomponent_get_first_property(component, ICAL_XLICERROR_PROPERTY); p;
         p = icalcomponent_get_next_property(component, ICAL_XLICERROR_PROPERTY)) {
        printf("FAIL  %s: libical: %s\n", path, icalproperty_get_xlicerror(p));
        errors++;
    }
    for (icalcomponent *c = icalcomponent_get_first_component(component, ICAL_ANY_COMPONENT); c;
         c = icalcomponent_get_next_component(component, ICAL_ANY_COMPONENT)) {
        errors += report_errors(c, path);
    }
    return errors;
}

int main(int argc, char **argv) {
    int failed = 0;
    for (int i = 1; i < argc; i++) {
        char *text = read_file(argv[i]);
        if (!text) { printf("FAIL  %s: cannot read\n", argv[i]); failed = 1; continue; }
        icalcomponent *calendar = icalparser_parse_string(text);
        free(text);
        if (!calendar || icalcomponent_isa(calendar) != ICAL_VCALENDAR_COMPONENT) {
            printf("FAIL  %s: libical does not read it as a VCALENDAR\n", argv[i]);
            failed = 1;
            continue;
        }
        icalrestriction_check(calendar);
        int events = icalcomponent_count_components(calendar, ICAL_VEVENT_COMPONENT);
        if (report_errors(calendar, argv[i]) > 0) {
            failed = 1;
        } else {
            printf("ok    %s: libical reads %d events, no errors, RFC 5546 restrictions met\n", argv[i], events);
        }
        icalcomponent_free(calendar);
    }
    return failed;
}
