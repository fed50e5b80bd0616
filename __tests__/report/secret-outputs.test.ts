// A credential found in an image must not appear in any output: text, JSON, SARIF,
// annotations or the job summary (history, CMD and ENV included).
import { check } from '../../__fixtures__/check';
import { onBase } from '../../__fixtures__/image-builder';
import { mapHistoryToDockerfile, parseDockerfile } from '../../src/dockerfile/dockerfile-map';
import { buildAnnotations } from '../../src/report/annotations';
import { renderSummary } from '../../src/report/job-summary';
import { buildJsonReport } from '../../src/report/json-report';
import { buildSarif } from '../../src/report/sarif-report';
import { renderText } from '../../src/report/text-report';

const SK = 'Zx81kQ7sKd93nFh27dkLs0Pq8ZrT5vXwYb1cNm4o';
const PASSWORD = 'hunter2-but-longer-and-secret';
const AWS = 'AKIAZ3MSJV4WWXXJ6ZQF';

it('never prints a credential found in the image, in any format', async () => {
  const result = await check(
    onBase(
      [
        {
          createdBy: `|2 HUAWEICLOUD_SDK_SK=${SK} DB_PASSWORD=${PASSWORD} /bin/sh -c ./setup.sh`,
          entries: [
            { path: 'opt/app/settings.py', content: `KEY = "${AWS}"\nOBS_SK = "${SK}"\n` },
            { path: 'home/work/.obsutilconfig', content: `ak=ABCDEFGHIJKLMNOPQRST\nsk=${SK}\n` }
          ]
        }
      ],
      { User: 'work', Env: [`OBS_SK=${SK}`], Cmd: ['python3', 'train.py', `--password=${PASSWORD}`] },
      [{ after: 1, createdBy: `/bin/sh -c #(nop)  ENV OBS_SK=${SK}` }]
    )
  );
  expect(result.findings.filter((f) => f.rule === 'secrets').length).toBeGreaterThanOrEqual(5);
  const report = buildJsonReport(result, 'error');
  const history = (result.facts.config.history ?? []).map((h) => h.created_by);
  const lines = mapHistoryToDockerfile(parseDockerfile(`FROM base\nARG HUAWEICLOUD_SDK_SK\nRUN ./setup.sh\nENV OBS_SK=${SK}\n`), history);
  const outputs = {
    json: JSON.stringify(report),
    text: renderText(report, false),
    sarif: JSON.stringify(buildSarif(report, { dockerfile: 'Dockerfile', lines, category: 'train' })),
    annotations: JSON.stringify(buildAnnotations(report.findings, lines, 'Dockerfile')),
    summary: renderSummary(report)
  };
  for (const [format, text] of Object.entries(outputs)) {
    for (const secret of [SK, PASSWORD, AWS]) {
      expect({ format, leaked: text.includes(secret) }).toEqual({ format, leaked: false });
    }
  }
  expect(outputs.text).toMatch(/OBS_SK=\*+ \(40 characters, masked\)/);
});

it('does not print a password written into DOCKER_HOST when the daemon cannot be reached', async () => {
  const { connectDaemon } = await import('../../src/docker/daemon');
  const saved = process.env.DOCKER_HOST;
  process.env.DOCKER_HOST = `tcp://alice:${PASSWORD}@127.0.0.1:1`;
  try {
    const err = await connectDaemon(5000).catch((e: Error) => e);
    expect(String(err)).toMatch(/cannot reach the Docker daemon at tcp:\/\/alice:\*\*\*@127\.0\.0\.1:1/);
    expect(String(err)).not.toContain(PASSWORD);
  } finally {
    if (saved === undefined) delete process.env.DOCKER_HOST;
    else process.env.DOCKER_HOST = saved;
  }
});
