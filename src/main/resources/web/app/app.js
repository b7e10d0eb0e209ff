import 'bootstrap/dist/css/bootstrap.css';
import './app.css';
import 'htmx.org';
