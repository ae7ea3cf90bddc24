import packageJson from '../../package.json';

export const stationVersion: string = packageJson.version;
