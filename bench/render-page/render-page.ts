import '../../widgets/index.ts';

// ?api=<portal server>&token=<JWT>&rows=<page size>: one <portal-invoices> as a host embeds it.
const parameters = new URLSearchParams(location.search);
const invoices = document.createElement('portal-invoices');
invoices.apiBase = parameters.get('api')!;
invoices.pageSize = Number(parameters.get('rows'));
invoices.tokenProvider = async () => parameters.get('token')!;
document.body.append(invoices);
