/**
 * How API commands reach a running instance: --url and --token (default PROPORTIO_URL and
 * PROPORTIO_TOKEN), and --json for scripts.
 */
import type { Command } from 'commander';
import { loadClientConfig } from '../config.js';
import { apiClient, type ApiClient } from './api-client.js';

export interface Conn {
  url?: string;
  token?: string;
  json?: boolean;
}

export const withConn = (cmd: Command) =>
  cmd
    .option('--url <url>', 'Proportio base URL (default $PROPORTIO_URL or http://localhost:8080)')
    .option('--token <token>', 'API token (default $PROPORTIO_TOKEN)')
    .option('--json', 'print the result as JSON');

export const clientConfig = (o: Conn) =>
  loadClientConfig(process.env, { ...(o.url ? { url: o.url } : {}), ...(o.token ? { token: o.token } : {}) });

export const client = (o: Conn): ApiClient => apiClient(clientConfig(o));
