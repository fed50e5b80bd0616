import { redactSecrets } from '../../src/core/rules/secret-patterns';
import { mapHistoryToDockerfile, parseDockerfile } from '../../src/dockerfile/dockerfile-map';

describe('Dockerfile to history matching', () => {
  const dockerfile = [
    '# syntax=docker/dockerfile:1',
    'FROM python:3.11 AS build',
    'RUN pip wheel -w /wheels torch',
    '',
    'FROM swr.cn-north-4.myhuaweicloud.com/modelarts-job-dev-image/custom-cpu-base:1.3',
    'ARG SK',
    'COPY --chown=1101:1101 train.py /home/work/',
    'RUN apt-get update && \\',
    '    # a comment inside the continuation',
    '    apt-get install -y curl',
    'ENV MODE prod',
    'USER work',
    'CMD ["python3", "/home/work/train.py"]'
  ].join('\n');
  const ins = parseDockerfile(dockerfile);

  it('parses the last stage with continuation lines', () => {
    expect(ins.map((i) => [i.keyword, i.line, i.endLine])).toEqual([
      ['ARG', 6, 6],
      ['COPY', 7, 7],
      ['RUN', 8, 10],
      ['ENV', 11, 11],
      ['USER', 12, 12],
      ['CMD', 13, 13]
    ]);
  });

  it('matches classic builder history', () => {
    const history = [
      '/bin/sh -c #(nop)  CMD ["/bin/bash"]',
      '/bin/sh -c #(nop)  ARG SK',
      '/bin/sh -c #(nop) COPY file:0af3e1c2d4 in /home/work/ ',
      '|1 SK=****** /bin/sh -c apt-get update &&     apt-get install -y curl',
      '/bin/sh -c #(nop)  ENV MODE=prod',
      '/bin/sh -c #(nop)  USER work',
      '/bin/sh -c #(nop)  CMD ["python3" "/home/work/train.py"]'
    ];
    const map = mapHistoryToDockerfile(ins, history);
    expect(history.map((h) => map.get(h)?.line)).toEqual([undefined, 6, 7, 8, 11, 12, 13]);
  });

  it('matches BuildKit history', () => {
    const history = [
      'CMD ["/bin/bash"]',
      'ARG SK',
      'COPY --chown=1101:1101 train.py /home/work/ # buildkit',
      'RUN |1 SK=****** /bin/sh -c apt-get update &&     apt-get install -y curl # buildkit',
      'ENV MODE=prod',
      'USER work',
      'CMD ["python3" "/home/work/train.py"]'
    ];
    const map = mapHistoryToDockerfile(ins, history);
    expect(history.map((h) => map.get(h)?.line)).toEqual([undefined, 6, 7, 8, 11, 12, 13]);
  });

  it('matches build steps whose arguments were masked or hold spaces', () => {
    // Findings carry the masked history, and a masked value reads "*** (3 characters, masked)".
    const history = [
      '|1 SK=****** (6 characters, masked) /bin/sh -c apt-get update &&     apt-get install -y curl',
      'RUN |2 SK=****** (6 characters, masked) NOTE=two words /bin/sh -c apt-get update &&     apt-get install -y curl # buildkit'
    ];
    const map = mapHistoryToDockerfile(ins, history.slice(0, 1));
    expect(map.get(history[0])?.line).toBe(8);
    expect(mapHistoryToDockerfile(ins, history.slice(1)).get(history[1])?.line).toBe(8);
  });

  it('matches a RUN written as ["/bin/sh", "-c", ...], which the classic builder records as a shell command', () => {
    const exec = parseDockerfile('FROM base\nRUN ["/bin/sh", "-c", "touch /usr/bin/b && chmod 4755 /usr/bin/b"]\nRUN ["python3", "setup.py"]\n');
    const history = ['/bin/sh -c touch /usr/bin/b && chmod 4755 /usr/bin/b', 'python3 setup.py'];
    const map = mapHistoryToDockerfile(exec, history);
    expect(history.map((h) => map.get(h)?.line)).toEqual([2, 3]);
  });

  it('matches a classic COPY --chown, whose history glues the flag to the source ("--chown=1101:1101file:...")', () => {
    const copy = parseDockerfile('FROM base\nCOPY --chown=1101:1101 \\\n     newlib /bin/busybox\nUSER work\n');
    const history = ['/bin/sh -c #(nop) COPY --chown=1101:1101file:cbb68132005fcbec in /bin/busybox '];
    expect(mapHistoryToDockerfile(copy, history).get(history[0])?.line).toBe(2);
  });

  it('leaves unmatched history unmapped', () => {
    expect(mapHistoryToDockerfile(ins, ['/bin/sh -c something else']).size).toBe(0);
  });
});

describe('BuildKit history (recorded by Docker 26 with buildx 0.13)', () => {
  const dockerfile = [
    'FROM base AS builder',
    'RUN echo built > /built',
    'FROM base',
    'RUN <<EOT',
    '/bin/busybox mkdir -p /opt/a',
    '/bin/busybox touch /opt/a/x',
    'EOT',
    'RUN <<-EOT',
    '\t/bin/busybox touch /opt/b',
    '\tEOT',
    'COPY <<EOT /opt/start.sh',
    '#!/bin/sh',
    'echo hi',
    'EOT',
    'COPY <<A <<B /opt/',
    'aaa',
    'A',
    'bbb',
    'B',
    'RUN /bin/busybox sh -c \'echo "<<X" > /opt/c\'',
    'RUN <<EOT /bin/busybox sh',
    'echo one > /opt/d',
    'EOT',
    'RUN <<EOT',
    '#!/bin/sh',
    'echo from a script',
    'EOT',
    'RUN --mount=type=cache,target=/root/.cache /bin/busybox touch /opt/cache',
    'COPY --chmod=4755 Dockerfile /opt/tool',
    'COPY --link Dockerfile /opt/linked',
    'COPY --from=builder --chown=1101:1101 /built /opt/built',
    'ADD --chown=1:1 --link local.tar /opt/unpacked2/',
    'ENV A=1 B="two words"',
    'LABEL "com.example.vendor"="ACME Inc" version=1',
    'USER 1101'
  ].join('\n');
  // docker history --no-trunc, oldest first.
  const history = [
    'RUN /bin/sh -c /bin/busybox mkdir -p /opt/a\n/bin/busybox touch /opt/a/x\n # buildkit',
    'RUN /bin/sh -c /bin/busybox touch /opt/b\n # buildkit',
    'COPY <<EOT /opt/start.sh # buildkit',
    'COPY <<A <<B /opt/ # buildkit',
    'RUN /bin/sh -c /bin/busybox sh -c \'echo "<<X" > /opt/c\' # buildkit',
    'RUN /bin/sh -c <<EOT /bin/busybox sh\necho one > /opt/d\nEOT # buildkit',
    'RUN /bin/sh -c /dev/pipes/EOT # buildkit',
    'RUN /bin/sh -c /bin/busybox touch /opt/cache # buildkit',
    'COPY --chmod=4755 Dockerfile /opt/tool # buildkit',
    'COPY Dockerfile /opt/linked # buildkit',
    'COPY --chown=1101:1101 /built /opt/built # buildkit',
    'ADD --chown=1:1 local.tar /opt/unpacked2/ # buildkit',
    'ENV A=1 B=two words',
    'LABEL com.example.vendor=ACME Inc version=1',
    'USER 1101'
  ];

  it('reads here-documents as part of their instruction, and only in RUN, COPY and ADD', () => {
    const ins = parseDockerfile(dockerfile);
    expect(ins.map((i) => [i.keyword, i.line, i.endLine])).toEqual([
      ['RUN', 4, 7],
      ['RUN', 8, 10],
      ['COPY', 11, 14],
      ['COPY', 15, 19],
      ['RUN', 20, 20],
      ['RUN', 21, 23],
      ['RUN', 24, 27],
      ['RUN', 28, 28],
      ['COPY', 29, 29],
      ['COPY', 30, 30],
      ['COPY', 31, 31],
      ['ADD', 32, 32],
      ['ENV', 33, 33],
      ['LABEL', 34, 34],
      ['USER', 35, 35]
    ]);
    expect(ins[3].heredocs).toEqual([
      { name: 'A', body: 'aaa\n', chomp: false },
      { name: 'B', body: 'bbb\n', chomp: false }
    ]);
  });

  it('maps every entry to its instruction: here-documents, dropped flags, values without quotes', () => {
    const ins = parseDockerfile(dockerfile);
    const map = mapHistoryToDockerfile(ins, history);
    expect(history.map((h) => map.get(h)?.line)).toEqual([4, 8, 11, 15, 20, 21, 24, 28, 29, 30, 31, 32, 33, 34, 35]);
  });
});

describe('Dockerfile to history matching of settings that hold a credential', () => {
  const SK = 'Qh7sKd93nFh27dkLs0Pq8ZrT5vXwYb1cNm4oEjGa';
  // The history reaches the mapper masked (facts.redactedConfig).
  const masked = (by: string) => redactSecrets(by);

  it.each([
    ['ENV OBS_SK=value', `ENV OBS_SK=${SK}`],
    ['the legacy ENV OBS_SK value', `ENV OBS_SK ${SK}`],
    ['LABEL token=value', `LABEL token=${SK}`]
  ])('maps %s, classic or BuildKit', (_name, line) => {
    const instructions = parseDockerfile(['FROM base', 'USER work', line, 'CMD ["python3", "x.py"]'].join('\n'));
    const recorded = line.replace(/^(ENV|LABEL) (\S+) (?!.*=)/, '$1 $2=');
    for (const history of [`/bin/sh -c #(nop)  ${recorded}`, recorded]) {
      const map = mapHistoryToDockerfile(instructions, [masked(history)]);
      expect(map.get(masked(history))?.line).toBe(3);
    }
  });
});
