import { exporters } from '../../src/exports/registry.js';
import { runExporterContract } from './exporter.contract.js';

runExporterContract(exporters.json);
runExporterContract(exporters.html);
runExporterContract(exporters.txt);
runExporterContract(exporters.xliff);
