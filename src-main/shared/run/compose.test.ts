import { describe, expect, it } from 'vitest';
import { runSpecToCompose } from './compose';
import { emptyRunSpec } from './spec';

describe('runSpecToCompose', () => {
  it('writes a service with quoted values and declares external volumes and networks', () => {
    const yaml = runSpecToCompose(
      emptyRunSpec({
        image: 'fixture/redis',
        name: 'cache',
        command: ['redis-server', '--appendonly', 'yes'],
        ports: ['1234:6379'],
        volumes: ['redis-data:/data', '/srv/conf:/conf:ro'],
        env: ['A=b "c"'],
        network: 'appnet',
        networkAliases: ['redis'],
        restart: 'on-failure',
        restartRetries: '2',
        memory: '512m',
        init: true,
      }),
    );
    expect(yaml).toBe(
      [
        'services:',
        '  cache:',
        '    image: "fixture/redis"',
        '    container_name: "cache"',
        '    command: ["redis-server", "--appendonly", "yes"]',
        '    environment:',
        '      - "A=b \\"c\\""',
        '    ports:',
        '      - "1234:6379"',
        '    volumes:',
        '      - "redis-data:/data"',
        '      - "/srv/conf:/conf:ro"',
        '    networks:',
        '      "appnet":',
        '        aliases:',
        '          - "redis"',
        '    restart: "on-failure:2"',
        '    mem_limit: "512m"',
        '    init: true',
        'networks:',
        '  "appnet":',
        '    external: true',
        'volumes:',
        '  "redis-data":',
        '    external: true',
        '',
      ].join('\n'),
    );
  });

  it('uses network_mode for host and container networks, and notes flags compose lacks', () => {
    const yaml = runSpecToCompose(emptyRunSpec({ image: '127.0.0.1:5001/busybox:latest', network: 'host', autoRemove: true }));
    expect(yaml).toContain('  busybox:\n');
    expect(yaml).toContain('    network_mode: "host"\n');
    expect(yaml).toContain('# --rm has no compose equivalent');
  });
});
