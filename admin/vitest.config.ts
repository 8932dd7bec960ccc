import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { include: ['src/**/*.test.ts', 'public-page/**/*.test.ts'], environment: 'node' } });
