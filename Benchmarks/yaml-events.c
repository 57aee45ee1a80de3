/* The floor for reading kommun files (Benchmarks/config.sh, issue 15): for each file named, read it into
 * memory, pull every libyaml event with yaml_parser_parse and delete it, nothing else. Prints the number of
 * files and events; exits 1 on a file it cannot read or parse. Built by config.sh: cc -O2 ... -lyaml. */
#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

static long events_in(const char *path) {
    FILE *file = fopen(path, "rb");
    if (!file) { perror(path); return -1; }
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    unsigned char *bytes = malloc(size > 0 ? (size_t)size : 1);
    if (!bytes || fread(bytes, 1, (size_t)size, file) != (size_t)size) { perror(path); fclose(file); free(bytes); return -1; }
    fclose(file);

    yaml_parser_t parser;
    yaml_event_t event;
    long count = 0;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, bytes, (size_t)size);
    for (;;) {
        if (!yaml_parser_parse(&parser, &event)) {
            fprintf(stderr, "%s:%lu:%lu: %s\n", path, (unsigned long)parser.problem_mark.line + 1,
                    (unsigned long)parser.problem_mark.column + 1, parser.problem ? parser.problem : "invalid YAML");
            count = -1;
            break;
        }
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        count++;
        if (done) break;
    }
    yaml_parser_delete(&parser);
    free(bytes);
    return count;
}

int main(int argc, char **argv) {
    long total = 0;
    for (int i = 1; i < argc; i++) {
        long count = events_in(argv[i]);
        if (count < 0) return 1;
        total += count;
    }
    printf("%d files, %ld events\n", argc - 1, total);
    return 0;
}
